using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Manifest;

/// <summary>runtime: and image: on dependencies, runtime: on services in profiles, and how profiles inherit them.</summary>
[TestClass]
public sealed class ContainerKeysManifestTests
{
    private const string File = "/repo/preview/preview.yaml";

    [TestMethod]
    public void Read_DependencyRuntimeAndImage_AreKeptWithTheirPositions()
    {
        var result = ManifestReader.Read(File, """
            dependencies:
              postgres: { type: postgres, runtime: auto, image: postgres:15, databases: [shopdb] }
              cache: { type: redis, runtime: container }
            """);

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        var postgres = result.Manifest!.Dependencies[0];
        Assert.AreEqual(new Located<string>("auto", new SourceLocation(File, 2, 40)), postgres.Runtime);
        Assert.AreEqual("postgres:15", postgres.Image?.Value);
        Assert.IsNull(result.Manifest.Dependencies[1].Image);
    }

    [TestMethod]
    public void Read_BadRuntimeAndImage_AreCodedErrorsWhereTheyAre()
    {
        var result = ManifestReader.Read(File, """
            dependencies:
              postgres: { type: postgres, runtime: docker, image: postgres }
              cache: { type: redis, image: "Redis:7" }
            """);

        DiagnosticAssert.Exactly(
            result.Diagnostics,
            File,
            (DiagnosticCodes.InvalidValue, 2, 40),
            (DiagnosticCodes.InvalidImage, 2, 55),
            (DiagnosticCodes.InvalidImage, 3, 32));
        Assert.AreEqual(
            "'dependencies.postgres.image' has the invalid image 'postgres'. Fix: use an image with its tag, such as postgres:17, redis:7 or registry.example.com/team/postgres:17.2 (lower-case name, tag of letters, digits, '.', '_', '-').",
            result.Diagnostics[1].Message);
    }

    [TestMethod]
    public void Resolve_ProfilesOverrideTheDeclaredRuntimeAndSetServiceRuntimesAndDependencyLimits()
    {
        var manifest = ManifestReader.Read(File, """
            dependencies:
              postgres: { type: postgres, runtime: auto }
              cache: { type: redis }
            profiles:
              staging-like:
                extends: heavyweight
                services:
                  shop-api: { runtime: container }
                dependencies:
                  cache: { runtime: container, cpu: 0.5, memory: 256Mi }
              local-only:
                dependencies:
                  postgres: { runtime: local }
            """).Manifest!;

        var heavy = ProfileCatalog.Resolve(manifest, ProfileCatalog.Heavyweight)!;
        var staging = ProfileCatalog.Resolve(manifest, "staging-like")!;
        var local = ProfileCatalog.Resolve(manifest, "local-only")!;

        Assert.AreEqual((DependencyRuntimes.Auto, DependencyRuntimes.Local), (heavy.RuntimeOf("postgres"), heavy.RuntimeOf("cache")));
        Assert.AreEqual((DependencyRuntimes.Auto, DependencyRuntimes.Container), (staging.RuntimeOf("postgres"), staging.RuntimeOf("cache")));
        Assert.AreEqual(new ResourceLimits(0.5, 256L << 20), staging.Dependencies["cache"].Limits);
        Assert.IsTrue(staging.RunsAsContainer("shop-api"));
        Assert.IsFalse(heavy.RunsAsContainer("shop-api"));
        Assert.AreEqual(DependencyRuntimes.Local, local.RuntimeOf("postgres"));
    }

    [TestMethod]
    public void Plan_CarriesTheDeclaredImageElseTheDefault()
    {
        Assert.AreEqual("postgres:17", new DependencyPlan("postgres", DependencyKind.Postgres, []).Image);
        Assert.AreEqual("redis:7", new DependencyPlan("cache", DependencyKind.Redis, []).Image);
    }
}
