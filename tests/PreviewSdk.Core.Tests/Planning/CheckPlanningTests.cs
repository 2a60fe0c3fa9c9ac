using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Planning;

/// <summary>Checks are planned against the services: each names one that serves HTTP.</summary>
[TestClass]
public sealed class CheckPlanningTests
{
    [TestMethod]
    public void Plan_ChecksOfWebServices_AreRecordedInThePlan()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api").Reference("Shop.Worker", isWeb: false).Reference("Shop.Web").Manifest("""
            checks:
              shop-web: { home: / }
              shop-api: { products: /products, health: /health }
            """);

        var result = workspace.Plan();

        Assert.IsNotNull(result.Plan, DiagnosticAssert.Describe(result.Diagnostics));
        CollectionAssert.AreEqual(new[] { "shop-api", "shop-web" }, result.Plan.CheckedServices.ToArray(), "in ProjectReference order");
    }

    [TestMethod]
    public void Plan_ChecksOfAnUnknownOrNonWebService_AreErrorsAtTheServiceKey()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api").Reference("Shop.Worker", isWeb: false).Manifest("""
            checks:
              shop-apu:
                products: /products
              shop-worker:
                one: /
                two: /two
            """);

        var result = workspace.Plan();

        Assert.IsNull(result.Plan);
        DiagnosticAssert.Exactly(result.Diagnostics, workspace.ManifestPath,
            (DiagnosticCodes.UnknownCheckService, 2, 3),
            (DiagnosticCodes.CheckServiceWithoutHttp, 4, 3));
        Assert.AreEqual(
            "checks: names the service 'shop-apu', which the environment does not have. Did you mean 'shop-api'? Services: shop-api, shop-worker. Fix: correct the name, or reference the service's project from the preview project.",
            result.Diagnostics[0].Message);
        StringAssert.Contains(result.Diagnostics[1].Message, "its project 'Shop.Worker.csproj' is not a web project");
    }
}
