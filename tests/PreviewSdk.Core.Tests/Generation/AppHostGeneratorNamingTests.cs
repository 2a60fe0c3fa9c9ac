using System.Text.RegularExpressions;
using PreviewSdk.Core.Generation;
using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Tests.Generation;

/// <summary>How names and values from preview.yaml become C# identifiers and string literals.</summary>
[TestClass]
public sealed partial class AppHostGeneratorNamingTests
{
    [TestMethod]
    [DataRow("plain", "\"plain\"")]
    [DataRow("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [DataRow(@"C:\data\shop\", "\"C:\\\\data\\\\shop\\\\\"")]
    [DataRow("line 1\nline 2\r\n", "\"line 1\\nline 2\\r\\n\"")]
    [DataRow("tab\there", "\"tab\\there\"")]
    [DataRow("nul\0bell\u0007", "\"nul\\0bell\\u0007\"")]
    [DataRow("{braces} and $dollar", "\"{braces} and $dollar\"")]
    [DataRow("café ☕", "\"café ☕\"")]
    [DataRow("", "\"\"")]
    public void String_EscapesForARegularLiteral(string value, string expected)
    {
        Assert.AreEqual(expected, CSharpLiteral.String(value));
    }

    [TestMethod]
    public void String_EscapesLoneSurrogatesAndLineSeparators()
    {
        // A lone surrogate is not valid UTF-8 in the file; U+2028 ends a line in C# source.
        Assert.AreEqual("\"\\ud800\"", CSharpLiteral.String("\ud800"));
        Assert.AreEqual("\"a\\u2028b\\u0085c\"", CSharpLiteral.String("a\u2028b\u0085c"));
    }

    [TestMethod]
    public void GenerateResources_EnvironmentValues_AreEscapedInTheCall()
    {
        var plan = OneService(
            "api",
            environment: [new("QUOTE", "say \"hi\""), new("PATH_LIKE", @"C:\temp\"), new("MULTI", "a\nb"), new("EMPTY", string.Empty)]);

        var text = AppHostGenerator.GenerateResources(plan, "1.0.0");

        Assert.Contains(".WithEnvironment(\"QUOTE\", \"say \\\"hi\\\"\")\n", text);
        Assert.Contains(".WithEnvironment(\"PATH_LIKE\", \"C:\\\\temp\\\\\")\n", text);
        Assert.Contains(".WithEnvironment(\"MULTI\", \"a\\nb\")\n", text);
        Assert.Contains(".WithEnvironment(\"EMPTY\", \"\")\n                .WithProfile(profile);\n", text);
    }

    [TestMethod]
    [DataRow("shop-api", "shopApi")]
    [DataRow("web", "web")]
    [DataRow("a1-b2-c3", "a1B2C3")]
    [DataRow("class", "classResource")]
    [DataRow("return", "returnResource")]
    [DataRow("builder", "builderResource")]
    [DataRow("args", "argsResource")]
    [DataRow("9lives", "resource9lives")]
    [DataRow("-", "resource")]
    [DataRow("-leading", "leading")]
    [DataRow("trailing-", "trailing")]
    [DataRow("a--b", "aB")]
    public void Variable_MakesACamelCaseIdentifier(string name, string expected)
    {
        Assert.AreEqual(expected, CSharpLiteral.Variable(name, new HashSet<string>(StringComparer.Ordinal)));
    }

    [TestMethod]
    public void Variable_CollidingNames_GetNumberedSuffixes()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);

        string[] variables = [.. new[] { "a-b", "a_b", "a.b", "ab", "a-b-2", "class", "class-resource" }.Select(name => CSharpLiteral.Variable(name, taken))];

        CollectionAssert.AreEqual(new[] { "aB", "aB2", "aB3", "ab", "aB22", "classResource", "classResource2" }, variables);
    }

    [TestMethod]
    public void GenerateResources_AwkwardNames_DeclareDistinctValidIdentifiers()
    {
        string[] names = ["class", "builder", "args", "9lives", "a-b", "a_b", "return", "profile"];
        var plan = new EnvironmentPlan(
            "awkward",
            [new DependencyPlan("a-b", DependencyKind.Postgres, ["a_b"])],
            [.. names.Where(name => name is not ("a-b" or "a_b")).Select(name => Service(name, []))]);

        var text = AppHostGenerator.GenerateResources(plan, "1.0.0");

        var declared = DeclarationPattern().Matches(text).Select(match => match.Groups[1].Value).ToList();
        CollectionAssert.AreEqual(
            new[] { "profile", "aB", "aB2", "classResource", "builderResource", "argsResource", "resource9lives", "returnResource", "profile2" },
            declared,
            text);
        Assert.Contains("var aB2 = aB?.AddPreviewDatabase(\"a_b\");", text);
        Assert.Contains("IResourceBuilder<IResourceWithServiceDiscovery> builderResource = builder.PreviewServiceImage(\"builder\") is { } builderImage\n", text);
        Assert.Contains(": BuilderSettings(builder.AddPreviewService<global::Projects.Project7>(\"builder\", isWeb: false));", text);
        Assert.Contains("IResourceBuilder<IResourceWithServiceDiscovery> profile2 = builder.PreviewServiceImage(\"profile\") is { } profileImage\n", text);
        Assert.Contains("ProfileSettings<T>(IResourceBuilder<T> service)\n                where T : IResourceWithEnvironment, IResourceWithWaitSupport, IResourceWithEndpoints => service\n                .WithProfile(profile);", text, "a service named profile never shadows the profile");
        Assert.Contains("return builder;", text, "the builder parameter is never shadowed");
    }

    [TestMethod]
    public void GenerateResources_UsesOfACollidingName_ReferToItsOwnVariable()
    {
        var plan = new EnvironmentPlan(
            "collide",
            [new DependencyPlan("a-b", DependencyKind.Redis, [])],
            [
                Service("a_b", []),
                Service("user", [new ServiceReference("a_b", ReferenceKind.Service), new ServiceReference("a-b", ReferenceKind.Dependency)]),
            ]);

        var text = AppHostGenerator.GenerateResources(plan, "1.0.0");

        Assert.Contains("var aB = profile.IsEnabled(\"a-b\") ? builder.AddPreviewRedis(\"a-b\", \"redis:7\", profile) : null;", text);
        Assert.Contains("IResourceBuilder<IResourceWithServiceDiscovery> aB2 = builder.PreviewServiceImage(\"a_b\") is { } aBImage", text);
        Assert.Contains(".UsesService(aB2)\n                .Uses(aB);", text);
    }

    private static EnvironmentPlan OneService(string name, IReadOnlyList<KeyValuePair<string, string>> environment) =>
        new("one", [], [new ServicePlan(name, "/repo/src/Shop.Api/Shop.Api.csproj", true, null, 1, environment, [])]);

    // The project file is named apart from the service: only the service name is under test here.
    private static ServicePlan Service(string name, IReadOnlyList<ServiceReference> uses) =>
        new(name, $"/repo/src/Project{name.Length}/Project{name.Length}.csproj", IsWeb: false, HealthPath: null, Replicas: 1, Environment: [], Uses: uses);

    [GeneratedRegex(@"^ {12}(?:var|IResourceBuilder<IResourceWithServiceDiscovery>) (\w+) = ", RegexOptions.Multiline)]
    private static partial Regex DeclarationPattern();
}
