using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Profiles;

/// <summary>
/// Which profiles are lean (<see cref="EffectiveProfile.IsLean"/>): decided from the chain of <c>extends:</c>, not from
/// the name, and what follows from it for the app host's variables.
/// </summary>
[TestClass]
public sealed class LeanProfileTests
{
    private const string File = "/repo/preview/preview.yaml";

    private static readonly PreviewManifest Manifest = Read("""
        profiles:
          lightweight:
            ttl: 2h
          qa:
            extends: lightweight
          qa-small:
            extends: qa
          staging:
            extends: heavyweight
          staging-eu:
            extends: staging
          demo:
            ttl: 1h
        """);

    [TestMethod]
    [DataRow("lightweight", true, DisplayName = "the built-in lightweight, refined")]
    [DataRow("qa", true, DisplayName = "extends lightweight")]
    [DataRow("qa-small", true, DisplayName = "extends a profile that extends lightweight")]
    [DataRow("heavyweight", false, DisplayName = "the built-in heavyweight")]
    [DataRow("staging", false, DisplayName = "extends heavyweight")]
    [DataRow("staging-eu", false, DisplayName = "extends a profile that extends heavyweight")]
    [DataRow("demo", false, DisplayName = "extends nothing: starts from the settings as written")]
    public void Resolve_IsLean_FollowsTheChainOfExtendsToLightweight(string name, bool lean)
    {
        Assert.AreEqual(lean, ProfileCatalog.Resolve(Manifest, name)!.IsLean);
    }

    [TestMethod]
    public void Resolve_BuiltInsWithoutProfilesSection_OnlyLightweightIsLean()
    {
        var manifest = PreviewManifest.Empty(File);

        Assert.IsTrue(ProfileCatalog.Resolve(manifest, ProfileCatalog.Lightweight)!.IsLean);
        Assert.IsFalse(ProfileCatalog.Resolve(manifest, ProfileCatalog.Heavyweight)!.IsLean);
    }

    [TestMethod]
    public void Resolve_Cycle_IsNotLean()
    {
        var read = ManifestReader.Read(File, "profiles:\n  a: { extends: b }\n  b: { extends: a }\n");
        Assert.IsTrue(read.HasErrors, "the cycle is reported when preview.yaml is read");

        Assert.IsFalse(ProfileCatalog.Resolve(read.Manifest!, "a")!.IsLean, "a chain that never reaches lightweight");
    }

    [TestMethod]
    public void IsLean_SurvivesThePlanFile()
    {
        // -t:Preview learns it from the plan the build wrote, without reading preview.yaml again.
        var plan = new EnvironmentPlan("shop", [], []) { Profile = ProfileCatalog.Resolve(Manifest, "qa-small") };

        var read = System.Text.Json.JsonSerializer.Deserialize<EnvironmentPlan>(System.Text.Json.JsonSerializer.Serialize(plan, StateJson.Options), StateJson.Options)!;

        Assert.IsTrue(read.Profile!.IsLean);
    }

    [TestMethod]
    public void AddForAppHost_AddsTheSettingsForALeanProfileOnly()
    {
        // A value set where the build runs wins, so only the variables this process does not have are expected.
        var expected = LightweightRuntime.AppHostSettings
            .Where(setting => string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(setting.Key)))
            .ToDictionary(setting => setting.Key, setting => (string?)setting.Value, StringComparer.Ordinal);
        Assert.IsNotEmpty(expected, "this test process sets every lightweight variable itself, so the test shows nothing");

        foreach (var (name, lean) in new[] { ("qa-small", true), ("lightweight", true), ("staging", false), ("demo", false) })
        {
            var variables = new Dictionary<string, string?>(StringComparer.Ordinal) { ["KEEP"] = "me" };

            LightweightRuntime.AddForAppHost(variables, ProfileCatalog.Resolve(Manifest, name));

            var added = variables.Where(pair => pair.Key != "KEEP").ToDictionary(StringComparer.Ordinal);
            CollectionAssert.AreEquivalent(lean ? expected : new Dictionary<string, string?>(), added, name);
        }
    }

    [TestMethod]
    public void AppHostSettings_KeepCallCounting_WithALaterPromotion_AndOtherwiseTheServicesSettings()
    {
        // The gateway runs in the app host: its proxying must still be promoted to optimised code under traffic.
        Assert.IsFalse(LightweightRuntime.AppHostSettings.ContainsKey("DOTNET_TC_CallCounting"));
        Assert.AreEqual("0x1000", LightweightRuntime.AppHostSettings["DOTNET_TC_CallCountThreshold"]);
        // Two malloc arenas: an idle app host's native memory otherwise kept growing.
        Assert.AreEqual("2", LightweightRuntime.AppHostSettings["MALLOC_ARENA_MAX"]);
        Assert.AreEqual("0", LightweightRuntime.Settings["DOTNET_TC_CallCounting"]);
        foreach (var (name, value) in LightweightRuntime.Settings.Where(setting => setting.Key != "DOTNET_TC_CallCounting"))
        {
            Assert.AreEqual(value, LightweightRuntime.AppHostSettings[name], name);
        }
    }

    [TestMethod]
    public void AddForAppHost_PlanWithoutAProfile_AddsNothing()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);

        LightweightRuntime.AddForAppHost(variables, profile: null);

        Assert.IsEmpty(variables);
    }

    private static PreviewManifest Read(string yaml)
    {
        var result = ManifestReader.Read(File, yaml);
        Assert.IsFalse(result.HasErrors, DiagnosticAssert.Describe(result.Diagnostics));
        return result.Manifest!;
    }
}
