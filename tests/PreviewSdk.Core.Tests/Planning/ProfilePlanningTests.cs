using System.Text.Json;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Planning;

/// <summary>Profiles checked against the environment when the build plans it, and the chosen one recorded in the plan.</summary>
[TestClass]
public sealed class ProfilePlanningTests
{
    private const string Manifest = """
        dependencies:
          postgres: { type: postgres, databases: [shopdb] }
          cache: { type: redis }
        services:
          shop-api: { uses: [shopdb, cache] }
        profiles:
          lightweight:
            dependencies:
              cache: { enabled: false }
          qa:
            extends: heavyweight
            services:
              shop-web: { replicas: 2 }
        """;

    [TestMethod]
    public void Plan_EveryProfileNamesOnlyKnownServicesAndDependencies()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api").Manifest("""
            dependencies:
              postgres: { type: postgres, databases: [shopdb] }
            profiles:
              qa:
                services:
                  shop-apo: { replicas: 2 }
                dependencies:
                  shopdb: { scale: 2 }
              other:
                dependencies:
                  postgress: { enabled: false }
            """);

        var result = workspace.Plan();

        Assert.IsNull(result.Plan);
        DiagnosticAssert.Exactly(
            result.Diagnostics,
            workspace.ManifestPath,
            (DiagnosticCodes.UnknownProfileService, 6, 7),
            (DiagnosticCodes.UnknownProfileDependency, 8, 7),
            (DiagnosticCodes.UnknownProfileDependency, 11, 7));
        Assert.AreEqual(
            "The profile 'qa' sets the service 'shop-apo', which the environment does not have. Did you mean 'shop-api'? Services: shop-api. Fix: correct the name, or reference the service's project from the preview project.",
            result.Diagnostics[0].Message);
        Assert.StartsWith("The profile 'qa' sets the dependency 'shopdb', which preview.yaml does not declare. Dependencies: postgres.", result.Diagnostics[1].Message);
        Assert.Contains("Did you mean 'postgres'?", result.Diagnostics[2].Message);
    }

    [TestMethod]
    public void Plan_UnknownProfileAsked_IsPreview1030AtTheProfilesKey()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api").Reference("Shop.Web").Manifest(Manifest);

        var result = workspace.Plan(profile: "qa2");

        Assert.IsNull(result.Plan);
        var error = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.UnknownProfile);
        DiagnosticAssert.At(error, workspace.ManifestPath, 6, 1);
        StringAssert.Contains(error.Message, "Did you mean 'qa'? Profiles: lightweight, heavyweight, qa.");
    }

    [TestMethod]
    public void Plan_ProfileAsked_IsRecordedAndDecidesWhichDependenciesRun()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api").Reference("Shop.Web").Manifest(Manifest);

        var light = workspace.Plan(profile: "lightweight").Plan!;
        var qa = workspace.Plan(profile: "qa").Plan!;
        var none = workspace.Plan().Plan!;

        Assert.AreEqual("lightweight", light.Profile?.Name);
        CollectionAssert.AreEqual(new[] { "postgres" }, light.DependenciesToRun().Select(d => d.Name).ToArray(), "lightweight leaves Redis out, so -t:Preview needs no redis-server");
        CollectionAssert.AreEqual(new[] { "postgres", "cache" }, qa.DependenciesToRun().Select(d => d.Name).ToArray());
        Assert.AreEqual(2, qa.Profile?.ServiceOf("shop-web")?.Replicas);
        Assert.IsNull(none.Profile);
        Assert.HasCount(2, none.DependenciesToRun());
    }

    [TestMethod]
    public void Plan_WithProfile_SurvivesThePlanFile()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api").Reference("Shop.Web").Manifest(Manifest);
        var plan = workspace.Plan(profile: "qa").Plan!;

        var read = JsonSerializer.Deserialize<EnvironmentPlan>(JsonSerializer.Serialize(plan, StateJson.Options), StateJson.Options)!;

        Assert.AreEqual(plan.Profile!.TimeToLive, read.Profile!.TimeToLive);
        Assert.AreEqual(2, read.Profile.ServiceOf("shop-web")!.Replicas);
        Assert.IsTrue(read.Profile.IsEnabled("cache"));
    }
}
