using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Tests.Containers;

/// <summary>
/// The runtime decisions against the machine's real engine (and its images, built by build/images.sh), and against
/// a socket where nothing answers.
/// </summary>
[TestClass]
public sealed class RuntimeResolverTests
{
    private static readonly DependencyPlan Postgres = new("postgres", DependencyKind.Postgres, ["shopdb"]) { Image = "postgres:15" };
    private static readonly DependencyPlan Cache = new("cache", DependencyKind.Redis, []);

    [TestMethod]
    public async Task Resolve_AllLocal_AsksNoEngine()
    {
        var asked = false;
        var resolver = new RuntimeResolver(_ => { asked = true; throw new InvalidOperationException(); }, (_, _, _) => throw new InvalidOperationException());

        var decisions = await resolver.ResolveAsync([Postgres, Cache], [], NoServices, Profile("postgres: { type: postgres }"), null, At, new DiagnosticBag());

        Assert.AreSame(RuntimeDecisions.AllLocal, decisions);
        Assert.IsFalse(asked);
    }

    [TestMethod]
    public async Task Resolve_ContainerWithoutEngine_IsPreview3030NamingTheDependency()
    {
        var diagnostics = new DiagnosticBag();

        var decisions = await NoEngine().ResolveAsync([Postgres, Cache], [], NoServices, Profile("postgres: { type: postgres, runtime: container }"), null, At, diagnostics);

        Assert.IsNull(decisions);
        var error = diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.ContainerEngineNotFound, error.Code);
        StringAssert.StartsWith(error.Message, "'postgres' need a container engine, but none answers.");
        StringAssert.Contains(error.Details, "/nothing-here.sock: no such socket");
    }

    [TestMethod]
    public async Task Resolve_AutoWithoutEngine_FallsBackToLocalAndSaysWhy()
    {
        var diagnostics = new DiagnosticBag();

        var decisions = await NoEngine().ResolveAsync([Postgres, Cache], [], NoServices, Profile("postgres: { type: postgres, runtime: auto }"), null, At, diagnostics);

        Assert.IsEmpty(diagnostics);
        var postgres = decisions!.Of("postgres")!;
        Assert.IsFalse(postgres.IsContainer);
        StringAssert.StartsWith(postgres.Describe(), "postgres: local binaries (auto: no container engine answers (unix://");
        Assert.IsNull(decisions.Of("cache"), "A local dependency needs no decision.");
        Assert.IsFalse(decisions.UsesContainers);
    }

    [TestMethod]
    public async Task Resolve_ContainerWithEngineAndImage_RunsTheRewrittenImage()
    {
        var engine = TestEngine.Require();
        RequireImage(engine, "localhost/library/postgres:15");

        var decisions = await Real(engine).ResolveAsync([Postgres], [], NoServices, Profile("postgres: { type: postgres, runtime: container }"), "localhost", At, new DiagnosticBag());

        var postgres = decisions!.Of("postgres")!;
        Assert.AreEqual(("container", "localhost/library/postgres:15", null), (postgres.Runtime, postgres.Image, postgres.Reason));
        Assert.AreEqual(engine.Endpoint, decisions.Engine!.Endpoint);
        Assert.AreEqual("postgres=container|localhost/library/postgres:15", decisions.Serialize());
        Assert.AreEqual(postgres with { Reason = null }, RuntimeDecisions.Parse(decisions.Serialize())["postgres"]);
    }

    [TestMethod]
    public async Task Resolve_ImageNeitherPresentNorPullable_IsPreview3033ForContainerAndLocalForAuto()
    {
        var engine = TestEngine.Require();
        var missing = Postgres with { Image = "previewsdk-test/no-such-image:1" };
        var diagnostics = new DiagnosticBag();

        var container = await Real(engine).ResolveAsync([missing], [], NoServices, Profile("postgres: { type: postgres, runtime: container }"), "localhost", At, diagnostics);
        var auto = await Real(engine).ResolveAsync([missing], [], NoServices, Profile("postgres: { type: postgres, runtime: auto }"), "localhost", At, new DiagnosticBag());

        Assert.IsNull(container);
        var error = diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.ContainerImageUnavailable, error.Code);
        StringAssert.StartsWith(error.Message, $"'postgres' runs the image 'localhost/previewsdk-test/no-such-image:1', which {engine.Describe()} does not have and cannot pull: ");
        Assert.AreEqual("postgres: local binaries (auto: the image localhost/previewsdk-test/no-such-image:1 is neither present nor pullable)", auto!.Of("postgres")!.Describe());
    }

    private static readonly Func<ContainerEngine, string, string> NoServices = (_, service) => throw new InvalidOperationException($"no service image for {service}");

    private static readonly SourceLocation At = SourceLocation.WholeFile("/repo/preview/Preview.csproj");

    private static RuntimeResolver NoEngine() =>
        new(ct => ContainerEngineProbe.FindAsync(["unix:///nothing-here.sock"], ct), (_, _, _) => throw new InvalidOperationException("no engine, no image check"));

    private static RuntimeResolver Real(ContainerEngine engine) =>
        new(ct => ContainerEngineProbe.FindAsync([engine.Endpoint], ct), (e, image, ct) => ImageAvailability.EnsureAsync(e, image, pull: true, ct));

    internal static void RequireImage(ContainerEngine engine, string image)
    {
        ImageReference.TryParse(image, out var reference);
        if (ImageAvailability.EnsureAsync(engine, reference, pull: false).GetAwaiter().GetResult() is { } problem)
        {
            Assert.Inconclusive($"{image}: {problem}; build it with build/images.sh.");
        }
    }

    private static EffectiveProfile Profile(string postgres)
    {
        var manifest = ManifestReader.Read("/repo/preview/preview.yaml", $"""
            dependencies:
              {postgres}
              cache: {"{"} type: redis {"}"}
            """).Manifest!;
        return ProfileCatalog.Resolve(manifest, ProfileCatalog.Heavyweight)!;
    }
}
