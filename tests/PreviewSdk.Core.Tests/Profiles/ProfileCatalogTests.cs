using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Profiles;

/// <summary>Resolving a profile: built-ins, preview.yaml's refinements and definitions, extends, merged key by key.</summary>
[TestClass]
public sealed class ProfileCatalogTests
{
    private const string File = "/repo/preview/preview.yaml";

    [TestMethod]
    public void Resolve_BuiltInsWithoutProfilesSection_LightweightRunsOneReplicaHeavyweightTheDeclaredOnes()
    {
        var manifest = Read("""
            services:
              shop-api: { replicas: 3 }
              shop-web: {}
            """);

        var light = ProfileCatalog.Resolve(manifest, "lightweight")!;
        var heavy = ProfileCatalog.Resolve(manifest, "heavyweight")!;

        Assert.AreEqual((ProfileCatalog.LightweightTimeToLive, 1), (light.TimeToLive, light.ServiceOf("shop-api")?.Replicas));
        Assert.IsNull(light.ServiceOf("shop-web"), "a service that declares no replicas has nothing to cap");
        Assert.AreEqual(ProfileCatalog.HeavyweightTimeToLive, heavy.TimeToLive);
        Assert.IsEmpty(heavy.Services, "heavyweight runs the services as declared");
        Assert.IsTrue(heavy.IsEnabled("cache") && light.IsEnabled("anything"), "every dependency runs unless a profile turns it off");
        Assert.AreEqual(1.0, light.ScaleOf("postgres"));
    }

    [TestMethod]
    public void Resolve_EnvironmentKey_IsInheritedThroughExtendsAndOverridable()
    {
        var manifest = Read("""
            profiles:
              heavyweight: { environment: Staging }
              qa: { extends: heavyweight }
              demo: { extends: heavyweight, environment: Demo-1 }
            """);

        Assert.IsNull(ProfileCatalog.Resolve(manifest, "lightweight")!.EnvironmentName, "without environment: each service keeps its launch profile's");
        Assert.AreEqual("Staging", ProfileCatalog.Resolve(manifest, "qa")!.EnvironmentName);
        Assert.AreEqual("Demo-1", ProfileCatalog.Resolve(manifest, "demo")!.EnvironmentName);
    }

    [TestMethod]
    public void Read_EnvironmentThatCannotNameASettingsFile_IsPreview1005()
    {
        var result = ManifestReader.Read(File, "profiles:\n  qa: { environment: 'my env/1' }\n");

        var error = result.Diagnostics.Single();
        Assert.AreEqual((DiagnosticCodes.InvalidValue, 2, 22), (error.Code, error.Line, error.Column));
        Assert.Contains("use an environment name of letters, digits", error.Message);
    }

    [TestMethod]
    public void Resolve_UnknownName_IsNull()
    {
        Assert.IsNull(ProfileCatalog.Resolve(Read("profiles:\n  qa: {}\n"), "staging"));
        Assert.IsNull(ProfileCatalog.Resolve(PreviewManifest.Empty(File), "Lightweight"), "names are case-sensitive");
    }

    [TestMethod]
    public void Resolve_RefinedBuiltIn_KeepsTheBuiltInAndAddsItsSettings()
    {
        var manifest = Read("""
            services:
              shop-api: { replicas: 2 }
            profiles:
              lightweight:
                ttl: 2h
                dependencies:
                  cache: { enabled: false }
            """);

        var light = ProfileCatalog.Resolve(manifest, "lightweight")!;

        Assert.AreEqual(TimeSpan.FromHours(2), light.TimeToLive);
        Assert.AreEqual(1, light.ServiceOf("shop-api")?.Replicas, "the built-in cap stays");
        Assert.IsFalse(light.IsEnabled("cache"));
        Assert.AreEqual(new DependencyProfile(false, DependencyRuntimes.Local, 1), light.Dependencies["cache"]);
    }

    [TestMethod]
    public void Resolve_ExtendsChain_ChildOverridesParentKeyByKey()
    {
        var manifest = Read("""
            profiles:
              heavyweight:
                services:
                  shop-api:
                    replicas: 2
                    cpu: 1
                    memory: 512Mi
                    env: { A: parent, B: parent }
                    features: { X: true, Y: true }
                dependencies:
                  postgres: { scale: 20 }
                  cache: { enabled: true }
              qa:
                extends: heavyweight
                ttl: 2d
                services:
                  shop-api:
                    memory: 1Gi
                    env: { B: child, C: child }
                    features: { Y: false }
                dependencies:
                  cache: { enabled: false }
              qa-small:
                extends: qa
                services:
                  shop-api: { replicas: 1 }
            """);

        var profile = ProfileCatalog.Resolve(manifest, "qa-small")!;

        Assert.AreEqual("qa-small", profile.Name);
        Assert.AreEqual(TimeSpan.FromDays(2), profile.TimeToLive, "inherited from qa");
        var api = profile.ServiceOf("shop-api")!;
        Assert.AreEqual(1, api.Replicas);
        Assert.AreEqual(new ResourceLimits(1, 1024L * 1024 * 1024), api.Limits, "CPU from heavyweight, memory from qa");
        Assert.AreEqual("A=parent;B=child;C=child", string.Join(';', api.Environment.Select(v => $"{v.Key}={v.Value}")));
        Assert.AreEqual("X=True;Y=False", string.Join(';', api.Features.Select(f => $"{f.Key}={f.Value}")));
        Assert.AreEqual(20.0, profile.ScaleOf("postgres"));
        Assert.IsFalse(profile.IsEnabled("cache"));
    }

    [TestMethod]
    public void Resolve_NewProfileWithoutExtends_StartsFromTheSettingsAsWritten()
    {
        var manifest = Read("""
            services:
              shop-api: { replicas: 3 }
            profiles:
              demo:
                dependencies:
                  postgres: { scale: 0.5 }
            """);

        var demo = ProfileCatalog.Resolve(manifest, "demo")!;

        Assert.AreEqual(ProfileCatalog.LightweightTimeToLive, demo.TimeToLive);
        Assert.IsNull(demo.ServiceOf("shop-api"), "declared replicas, no cap");
        Assert.AreEqual(0.5, demo.ScaleOf("postgres"));
        CollectionAssert.AreEqual(new[] { "lightweight", "heavyweight", "demo" }, ProfileCatalog.Names(manifest).ToArray());
    }

    [TestMethod]
    public void Resolve_Cycle_Ends()
    {
        var read = ManifestReader.Read(File, "profiles:\n  a: { extends: b, ttl: 1h }\n  b: { extends: a, ttl: 2h }\n");
        Assert.IsTrue(read.HasErrors, "the cycle is reported when preview.yaml is read");

        var profile = ProfileCatalog.Resolve(read.Manifest!, "a")!;

        Assert.AreEqual(TimeSpan.FromHours(1), profile.TimeToLive, "b, then a itself");
    }

    [TestMethod]
    public void DescribeUnknown_PointsAtTheProfilesKeyOrTheWholeFile()
    {
        var withSection = ProfileCatalog.DescribeUnknown(Read("app: shop\nprofiles:\n  qa: {}\n"), "heavyweigt");
        var without = ProfileCatalog.DescribeUnknown(PreviewManifest.Empty(File), "qa");

        Assert.AreEqual(DiagnosticCodes.UnknownProfile, withSection.Code);
        DiagnosticAssert.At(withSection, File, 2, 1);
        Assert.AreEqual(
            "The profile 'heavyweigt' is neither built in nor defined under profiles: in preview.yaml. Did you mean 'heavyweight'? Profiles: lightweight, heavyweight, qa. Fix: choose one of them with -p:PreviewProfile=, or define 'heavyweigt' under profiles:.",
            withSection.Message);
        DiagnosticAssert.At(without, File, 0, 0);
    }

    private static PreviewManifest Read(string yaml)
    {
        var result = ManifestReader.Read(File, yaml);
        Assert.IsFalse(result.HasErrors, DiagnosticAssert.Describe(result.Diagnostics));
        return result.Manifest!;
    }
}
