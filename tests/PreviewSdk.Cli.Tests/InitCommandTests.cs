using PreviewSdk.Cli.AppHosts;
using PreviewSdk.Cli.Init;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Cli.Tests;

/// <summary>
/// init end to end on disk, with the manifest the app host would publish handed in (the Starter sample's end-to-end
/// test runs the real app host): what it writes, that preview.yaml is valid as written, and that it never overwrites.
/// </summary>
[TestClass]
public sealed class InitCommandTests
{
    [TestMethod]
    public void Run_WritesAPreviewProjectAndAValidCommentedPreviewYamlBesideTheAppHost()
    {
        using var app = new AppFixture();
        var (exit, output, errors) = Run(app, "init", app.AppHost, "--sdk", "package");

        Assert.AreEqual(0, exit, errors);
        var folder = Path.Combine(app.Root, "Shop.Preview");
        var project = File.ReadAllText(Path.Combine(folder, "Shop.Preview.csproj"));
        Assert.Contains("<Project Sdk=\"PreviewSdk\">", project);
        foreach (var reference in new[] { "../Shop.DbSetup/Shop.DbSetup.csproj", "../Shop.Catalog/Shop.Catalog.csproj", "../Shop.Basket/Shop.Basket.csproj", "../Shop.Web/Shop.Web.csproj" })
        {
            Assert.Contains($"<ProjectReference Include=\"{reference}\" />", project);
        }

        var yamlPath = Path.Combine(folder, "preview.yaml");
        var read = ManifestReader.Read(yamlPath, File.ReadAllText(yamlPath));
        Assert.IsEmpty(read.Diagnostics, string.Join('\n', read.Diagnostics));
        var manifest = read.Manifest!;
        Assert.AreEqual("shop", manifest.App?.Value);
        Assert.AreEqual("Shop.Basket", manifest.Services.Single(s => s.Name.Value == "basket").Project?.Value);
        Assert.AreEqual("http2", manifest.Services.Single(s => s.Name.Value == "basket").Protocol?.Value);
        var seed = manifest.Seeds.Single();
        Assert.AreEqual(("dbsetup", "../Shop.Data", "replace"), (seed.Migrations?.Service?.Value, seed.Migrations?.EfCore?.Value, seed.Existing?.Value));
        CollectionAssert.AreEqual(new[] { "catalog_types", "catalog.catalog_items" }, seed.Tables.Select(t => t.Table.Value).ToArray());

        // The SDK as a package: global.json names it (the fixture has no global.json, so init writes one).
        StringAssert.Contains(File.ReadAllText(Path.Combine(app.Root, "global.json")), "\"PreviewSdk\"");
        Assert.Contains("Adopted Shop.AppHost.csproj: 4 services, 2 dependencies, 1 seeded databases.", output);
        Assert.Contains("'mailer' (container.v0, docker.io/maildev/maildev:2) is not mapped", output);
    }

    [TestMethod]
    public void Run_ExistingPreviewYaml_IsNeverOverwrittenAndNothingIsWritten()
    {
        using var app = new AppFixture();
        var existing = Path.Combine(app.Root, "Shop.Preview", "preview.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(existing)!);
        File.WriteAllText(existing, "app: mine\n");

        var (exit, _, errors) = Run(app, "init", app.Root, "--sdk", "package");

        Assert.AreEqual(1, exit);
        Assert.StartsWith($"{existing}: error PREVIEW1105: '{existing}' exists, and init never overwrites a file.", errors);
        Assert.AreEqual("app: mine\n", File.ReadAllText(existing));
        Assert.IsFalse(File.Exists(Path.Combine(app.Root, "Shop.Preview", "Shop.Preview.csproj")));
        Assert.IsFalse(File.Exists(Path.Combine(app.Root, "global.json")));
    }

    [TestMethod]
    public void Run_FeedOption_AddsItToNugetConfigAndKeepsAnExistingGlobalJson()
    {
        using var app = new AppFixture();
        File.WriteAllText(Path.Combine(app.Root, "global.json"), """{ "sdk": { "version": "10.0.100" } }""");
        var feed = Path.Combine(app.Root, "feed");

        var (exit, _, errors) = Run(app, "init", app.AppHost, "--sdk", "package", "--feed", feed, "--output", Path.Combine(app.Root, "preview"));

        Assert.AreEqual(0, exit, errors);
        Assert.IsTrue(File.Exists(Path.Combine(app.Root, "preview", "preview.csproj")));
        var globalJson = File.ReadAllText(Path.Combine(app.Root, "global.json"));
        Assert.Contains("\"version\": \"10.0.100\"", globalJson);
        Assert.Contains("\"PreviewSdk\":", globalJson);
        var nugetConfig = File.ReadAllText(Path.Combine(app.Root, "nuget.config"));
        Assert.Contains($"value=\"{feed}\"", nugetConfig);
        Assert.Contains("nuget.org", nugetConfig);
    }

    [TestMethod]
    public void Run_FromTheSourceTree_ImportsTheSdkFromIt()
    {
        using var app = new AppFixture();

        var (exit, _, errors) = Run(app, "init", app.AppHost);

        Assert.AreEqual(0, exit, errors);
        var project = File.ReadAllText(Path.Combine(app.Root, "Shop.Preview", "Shop.Preview.csproj"));
        Assert.Contains($"<Import Project=\"{InitCommand.SourceTreeSdk()}/Sdk/Sdk.props\" />", project);
        Assert.IsFalse(File.Exists(Path.Combine(app.Root, "global.json")), "from source no global.json entry is needed");
    }

    [TestMethod]
    public void Locate_SolutionFolderOrProject_FindsTheOneAppHostOrSaysWhy()
    {
        using var app = new AppFixture();
        using var empty = new TempFolder();
        var solution = Path.Combine(app.Root, "Shop.sln");
        File.WriteAllText(solution, """
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop.AppHost", "Shop.AppHost\Shop.AppHost.csproj", "{1}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop.Web", "Shop.Web\Shop.Web.csproj", "{2}"
            EndProject
            """);

        Assert.AreEqual(app.AppHost, AppHostLocator.Find(solution).AppHost);
        Assert.AreEqual(app.AppHost, AppHostLocator.Find(app.Root).AppHost);
        Assert.AreEqual(DiagnosticCodes.InitNoAppHost, AppHostLocator.Find(app.Web).Error?.Code);
        Assert.AreEqual(DiagnosticCodes.InitNoAppHost, AppHostLocator.Find(empty.Root).Error?.Code);
        Assert.AreEqual(DiagnosticCodes.InitPathNotFound, AppHostLocator.Find(Path.Combine(empty.Root, "nope")).Error?.Code);
        File.Copy(app.AppHost, Path.Combine(app.Root, "Shop.Web", "Other.AppHost.csproj"));
        var several = AppHostLocator.Find(app.Root).Error!;
        Assert.AreEqual(DiagnosticCodes.InitSeveralAppHosts, several.Code);
    }

    [TestMethod]
    public void Parse_BadCommandLines_ArePreview1106()
    {
        Assert.AreEqual(DiagnosticCodes.InitInvalidArguments, InitOptions.Parse([]).Error?.Code);
        Assert.AreEqual(DiagnosticCodes.InitInvalidArguments, InitOptions.Parse(["x", "--output"]).Error?.Code);
        Assert.AreEqual(DiagnosticCodes.InitInvalidArguments, InitOptions.Parse(["x", "--colour", "red"]).Error?.Code);
        Assert.AreEqual(DiagnosticCodes.InitInvalidArguments, InitOptions.Parse(["x", "--sdk", "nuget"]).Error?.Code);
        Assert.AreEqual(new InitOptions("x", "o", null, null, "source"), InitOptions.Parse(["x", "--output", "o", "--sdk", "source"]).Options);
        Assert.AreEqual("Starter", InitCommand.AppHostBaseName("/src/Starter.AppHost/Starter.AppHost.csproj"));
        Assert.AreEqual("AppHost", InitCommand.AppHostBaseName("/src/AppHost/AppHost.csproj"));
    }

    private static (int Exit, string Output, string Errors) Run(AppFixture app, params string[] arguments)
    {
        var (options, error) = InitOptions.Parse(arguments[1..]);
        Assert.IsNotNull(options, error?.ToString());
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = new InitCommand(output, errors).Run(options, _ => (app.Manifest, app.ManifestFolder, null));
        return (exit, output.ToString(), errors.ToString());
    }
}
