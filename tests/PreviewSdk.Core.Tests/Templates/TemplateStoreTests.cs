using PreviewSdk.Core.Environments;
using PreviewSdk.Core.PostMortems;
using PreviewSdk.Core.Templates;
using PreviewSdk.Core.Tests.Environments;

namespace PreviewSdk.Core.Tests.Templates;

/// <summary>Templates outlive environments, are removed after their retention or by PreviewPrune, and never while in use.</summary>
[TestClass]
public sealed class TemplateStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Publish_MovesAStageIntoPlaceWhole_AndTouchRecordsTheLastUse()
    {
        using var temp = new TempFolder();
        var store = new TemplateStore(TemplateStore.FolderUnder(temp.Root));
        var stage = store.NewStage("k1");
        Directory.CreateDirectory(TemplateStore.DataFolderOf(stage));
        Assert.IsNull(store.TryRead("k1"), "A stage is no template.");

        store.Publish(stage, Record("k1", lastUsed: Now.AddDays(-3), retention: TimeSpan.FromDays(7)));
        Assert.IsFalse(Directory.Exists(stage));
        Assert.IsTrue(Directory.Exists(TemplateStore.DataFolderOf(store.PathOf("k1"))));
        store.Touch("k1", Now, TimeSpan.FromDays(2));
        var record = store.TryRead("k1")!;
        Assert.AreEqual((Now, 2 * 86400L), (record.LastUsedAt, record.RetentionSeconds));
    }

    [TestMethod]
    public void Prune_RemovesTemplatesUnusedForLongerThanTheirRetention_AndLeftoverStages()
    {
        using var temp = new TempFolder();
        var store = new TemplateStore(TemplateStore.FolderUnder(temp.Root));
        Publish(store, "fresh", Now.AddDays(-6), TimeSpan.FromDays(7));
        Publish(store, "old", Now.AddDays(-8), TimeSpan.FromDays(7));
        Publish(store, "short", Now.AddHours(-2), TimeSpan.FromHours(1));
        var deadStage = store.NewStage("dead");

        var result = store.Prune(Now);

        CollectionAssert.AreEquivalent(new[] { store.PathOf("old"), store.PathOf("short"), deadStage }, result.Deleted.ToArray());
        Assert.IsNotNull(store.TryRead("fresh"));
    }

    [TestMethod]
    public void Prune_PassesOverATemplateWhoseLockIsHeld_AndEverythingRemovesTheRest()
    {
        using var temp = new TempFolder();
        var store = new TemplateStore(TemplateStore.FolderUnder(temp.Root));
        Publish(store, "in-use", Now.AddDays(-30), TimeSpan.FromDays(7));
        Publish(store, "idle", Now, TimeSpan.FromDays(7));
        var building = store.NewStage("building");

        using (store.TryLock("in-use"))
        using (store.TryLock("building"))
        {
            var result = store.Prune(Now, everything: true);
            CollectionAssert.AreEquivalent(new[] { store.PathOf("idle") }, result.Deleted.ToArray());
        }

        Assert.IsTrue(Directory.Exists(building), "A build in progress keeps its stage.");
        Assert.AreEqual(2, store.Prune(Now, everything: true).Deleted.Count);
    }

    [TestMethod]
    public void Discard_MarksTheRecordWhyUnderItsLock_KeepsItsData_AndGivesUpWhileTheLockIsHeld()
    {
        using var temp = new TempFolder();
        var store = new TemplateStore(TemplateStore.FolderUnder(temp.Root));
        Publish(store, "k1", Now, TimeSpan.FromDays(7));
        Publish(store, "k2", Now, TimeSpan.FromDays(7));

        Assert.IsTrue(store.Discard("k1", "'postgres' failed", TimeSpan.FromSeconds(1)));
        Assert.AreEqual("'postgres' failed", store.TryRead("k1")!.DiscardedBecause);
        Assert.IsTrue(Directory.Exists(store.PathOf("k1")), "Its data stays until the next environment replaces it or a prune removes it.");
        Assert.IsNull(store.TryRead("k2")!.DiscardedBecause);

        using (store.Lock("k2", TimeSpan.FromSeconds(1)))
        {
            Assert.IsFalse(store.Discard("k2", "'postgres' failed", TimeSpan.FromMilliseconds(200)), "An environment cloning it holds the lock.");
        }

        Assert.IsNull(store.TryRead("k2")!.DiscardedBecause);
        Assert.IsFalse(store.Discard("none", "'postgres' failed", TimeSpan.FromSeconds(1)), "No such template.");
    }

    [TestMethod]
    public void Lock_WaitsForTheBuilder_AndTimesOutWhileItHoldsTheKey()
    {
        using var temp = new TempFolder();
        var store = new TemplateStore(TemplateStore.FolderUnder(temp.Root));
        using (store.Lock("k", TimeSpan.FromSeconds(1)))
        {
            Assert.IsNull(store.TryLock("k"));
            Assert.ThrowsExactly<TimeoutException>(() => store.Lock("k", TimeSpan.FromMilliseconds(300)));
        }

        using var after = store.Lock("k", TimeSpan.FromSeconds(1));
    }

    [TestMethod]
    public void RegistrySweep_RemovesExpiredTemplates_AndPreviewPruneEveryIdleOne()
    {
        using var temp = new TempFolder();
        var store = new TemplateStore(TemplateStore.FolderUnder(temp.Root));
        Publish(store, "expired", DateTimeOffset.UtcNow.AddDays(-8), TimeSpan.FromDays(7));
        Publish(store, "recent", DateTimeOffset.UtcNow, TimeSpan.FromDays(7));
        var reporter = new RecordingReporter();

        RegistrySweep.Run(new EnvironmentRegistry(temp.Root), DateTimeOffset.UtcNow, reporter);
        Assert.IsNull(store.TryRead("expired"));
        Assert.IsNotNull(store.TryRead("recent"));
        Assert.IsTrue(reporter.Messages.Any(m => m.Contains("seeded-data template", StringComparison.Ordinal)), reporter.ToString());

        new LeftoverPruner(reporter).Prune(temp.Root, temp.PathOf("Shop.Preview.csproj"));
        Assert.IsNull(store.TryRead("recent"));
        Assert.IsTrue(reporter.Messages.Any(m => m.Contains("1 seeded-data template(s)", StringComparison.Ordinal)), reporter.ToString());
    }

    [TestMethod]
    public void Supersede_KeepsAServersMostRecentlyUsedTemplates_NotOtherServers_NorOneInUse()
    {
        using var temp = new TempFolder();
        var store = new TemplateStore(TemplateStore.FolderUnder(temp.Root));
        const string Shop = "/src/shop/preview/preview.yaml#postgres";
        Publish(store, "shop-1", Now.AddDays(-4), TimeSpan.FromDays(7), Shop);
        Publish(store, "shop-2", Now.AddDays(-3), TimeSpan.FromDays(7), Shop);
        Publish(store, "shop-3", Now.AddDays(-2), TimeSpan.FromDays(7), Shop);
        Publish(store, "shop-4", Now.AddDays(-1), TimeSpan.FromDays(7), Shop);
        Publish(store, "shop-5", Now, TimeSpan.FromDays(7), Shop);
        Publish(store, "other-server", Now.AddDays(-5), TimeSpan.FromDays(7), "/src/shop/preview/preview.yaml#orders");
        Publish(store, "before-lineages", Now.AddDays(-6), TimeSpan.FromDays(7), lineage: string.Empty);
        store.Touch("shop-1", Now.AddMinutes(-1), TimeSpan.FromDays(7));

        using (store.TryLock("shop-2"))
        {
            var result = store.Supersede(Shop, keep: 2);
            CollectionAssert.AreEquivalent(new[] { store.PathOf("shop-3"), store.PathOf("shop-4") }, result.Deleted.ToArray(), "shop-5 and shop-1 (used a minute ago) are kept; shop-2 is in use.");
        }

        Assert.IsNotNull(store.TryRead("shop-2"));
        Assert.IsNotNull(store.TryRead("other-server"));
        Assert.IsNotNull(store.TryRead("before-lineages"));
        CollectionAssert.AreEquivalent(new[] { store.PathOf("shop-2") }, store.Supersede(Shop, keep: 2).Deleted.ToArray());
    }

    [TestMethod]
    public void TryParsePerServer_TakesAWholeNumberFromOneToAHundred_AndEmptyForThree()
    {
        Assert.IsTrue(TemplateStore.TryParsePerServer(" ", out var empty));
        Assert.AreEqual(3, empty);
        Assert.IsTrue(TemplateStore.TryParsePerServer(" 1 ", out var one));
        Assert.AreEqual(1, one);
        Assert.IsTrue(TemplateStore.TryParsePerServer("100", out var most));
        Assert.AreEqual(100, most);
        foreach (var wrong in new[] { "0", "101", "-1", "2.5", "three", "1e2" })
        {
            Assert.IsFalse(TemplateStore.TryParsePerServer(wrong, out _), wrong);
        }
    }

    private static void Publish(TemplateStore store, string key, DateTimeOffset lastUsed, TimeSpan retention, string lineage = "") =>
        store.Publish(store.NewStage(key), Record(key, lastUsed, retention) with { Lineage = lineage });

    private static TemplateRecord Record(string key, DateTimeOffset lastUsed, TimeSpan retention) => new()
    {
        Key = key,
        Databases = [new TemplateDatabase("shopdb", 42, [new TemplateTableRows("products", 10)])],
        CreatedAt = lastUsed,
        LastUsedAt = lastUsed,
        RetentionSeconds = (long)retention.TotalSeconds,
    };
}
