using PreviewSdk.Cli.AppHosts;
using PreviewSdk.Cli.Mapping;

namespace PreviewSdk.Cli.Tests;

[TestClass]
public sealed class PreviewDraftMapperTests
{
    [TestMethod]
    public void Map_DependenciesServicesAndUses_UnderTheAppHostsNames()
    {
        using var app = new AppFixture();

        var draft = Map(app);

        Assert.AreEqual("postgres:postgres[catalogdb] cache:redis[]", string.Join(' ', draft.Dependencies.Select(d => $"{d.Name}:{d.Type}[{string.Join(',', d.Databases)}]")));
        // Lowercased: configuration keys are case-insensitive, so services__webfrontend__… still reach it.
        CollectionAssert.AreEqual(new[] { "dbsetup", "catalogapi", "basket", "webfrontend" }, draft.Services.Select(s => s.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "catalogapi", "basket" }, draft.Services[3].Uses.ToArray());
        CollectionAssert.AreEqual(new[] { "cache" }, draft.Services[2].Uses.ToArray());
        Assert.IsTrue(draft.Review.Any(note => note.StartsWith("'mailer' (container.v0, docker.io/maildev/maildev:2) is not mapped", StringComparison.Ordinal)), string.Join('\n', draft.Review));
    }

    [TestMethod]
    public void Map_Http2FromAppsettings_WhatTheManifestDoesNotShow()
    {
        using var app = new AppFixture();

        var draft = Map(app);

        Assert.IsTrue(draft.Services.Single(s => s.Name == "basket").Http2Only);
        Assert.IsFalse(draft.Services.Single(s => s.Name == "catalogapi").Http2Only);
        Assert.IsFalse(draft.Services.Single(s => s.Name == "dbsetup").Http2Only, "a worker without HTTP has no protocol to speak");
    }

    [TestMethod]
    public void Map_WorkerWithEfMigrations_MigratesTheDatabaseWithItsProjectAndSnapshotTables()
    {
        using var app = new AppFixture();

        var seed = Map(app).Seeds.Single();

        Assert.AreEqual(("catalogdb", "dbsetup", "a worker with EF Core migrations", app.Data), (seed.Database, seed.MigrationsService, seed.MigrationsReason, seed.EfCoreProject));
        CollectionAssert.AreEqual(new[] { "catalog_types", "catalog.catalog_items" }, seed.Tables.ToArray());
    }

    [TestMethod]
    public void Map_ServiceNamedLikeAMigrator_IsTheMigratorEvenAsAWebProject()
    {
        using var app = new AppFixture(migratorSdk: "Microsoft.NET.Sdk.Web", migratorName: "Shop.MigrationService");

        var seed = Map(app).Seeds.Single();

        Assert.AreEqual(("dbsetup", "its name"), (seed.MigrationsService, seed.MigrationsReason));
    }

    [TestMethod]
    public void Map_NoMigratorAmongSeveralUsersWithMigrations_LeavesMigrationsOutAndSaysSo()
    {
        using var app = new AppFixture(migratorSdk: "Microsoft.NET.Sdk.Web");

        var draft = Map(app);

        Assert.IsNull(draft.Seeds.Single().MigrationsService);
        Assert.IsTrue(draft.Review.Any(note => note.StartsWith("No service of 'catalogdb' looks like it migrates it", StringComparison.Ordinal)), string.Join('\n', draft.Review));
    }

    private static PreviewDraft Map(AppFixture app) =>
        PreviewDraftMapper.Map(AspireManifestReader.Parse(app.Manifest, app.ManifestFolder), "shop", ProjectFacts.Read);
}
