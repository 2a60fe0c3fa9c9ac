using PreviewSdk.Core.Generation;

namespace PreviewSdk.Core.Tests.Generation;

/// <summary>
/// The generated app host, compared byte for byte with checked-in snapshots. PreviewSdk.Sdk.Tests compiles the
/// same snapshots against the real hosting library, so a snapshot is known to be valid C#.
/// </summary>
[TestClass]
public sealed class AppHostGeneratorSnapshotTests
{
    public const string ResourcesSnapshot = "Shop.Resources.g.cs.txt";
    public const string EntryPointSnapshot = "Shop.Program.g.cs.txt";

    [TestMethod]
    public void GenerateResources_ShopPlan_MatchesTheSnapshot()
    {
        var text = AppHostGenerator.GenerateResources(ShopPlan.Create(), ShopPlan.SdkVersion);

        Snapshot.Match(ResourcesSnapshot, text);
    }

    [TestMethod]
    public void GenerateEntryPoint_MatchesTheSnapshot()
    {
        Snapshot.Match(EntryPointSnapshot, AppHostGenerator.GenerateEntryPoint(ShopPlan.SdkVersion));
    }

    [TestMethod]
    public void GenerateResources_Twice_GivesIdenticalText()
    {
        var first = AppHostGenerator.GenerateResources(ShopPlan.Create(), ShopPlan.SdkVersion);
        var second = AppHostGenerator.GenerateResources(ShopPlan.Create(), ShopPlan.SdkVersion);

        Assert.AreEqual(first, second);
        Assert.AreEqual(AppHostGenerator.GenerateEntryPoint(ShopPlan.SdkVersion), AppHostGenerator.GenerateEntryPoint(ShopPlan.SdkVersion));
    }

    [TestMethod]
    public void GenerateResources_PlacesEachServiceAfterTheServicesItUses()
    {
        var text = AppHostGenerator.GenerateResources(ShopPlan.Create(), ShopPlan.SdkVersion);

        // Declared web, shop-worker, shop-api: both others use shop-api, so it moves first; the rest keep their order.
        var api = text.IndexOf("> shopApi = ", StringComparison.Ordinal);
        var web = text.IndexOf("> web = ", StringComparison.Ordinal);
        var worker = text.IndexOf("> shopWorker = ", StringComparison.Ordinal);
        Assert.IsGreaterThan(0, api, text);
        Assert.IsGreaterThan(api, web, text);
        Assert.IsGreaterThan(web, worker, text);
    }

    [TestMethod]
    public void GenerateResources_WritesNoMachineSpecificText()
    {
        var text = AppHostGenerator.GenerateResources(ShopPlan.Create(), ShopPlan.SdkVersion);

        Assert.DoesNotContain("/repo/", text, "services are named by their Projects.* class, not by path");
        Assert.DoesNotContain("\r", text, "line endings are \\n on every OS");
        Assert.Contains(": ShopApiSettings(builder.AddPreviewService<global::Projects.Shop_Api>(\"shop-api\", isWeb: true));\n", text);
        Assert.Contains(": ShopWorkerSettings(builder.AddPreviewService<global::Projects.Shop_Worker>(\"shop-worker\", isWeb: false));\n", text);
    }
}
