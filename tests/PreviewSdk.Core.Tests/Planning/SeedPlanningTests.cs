using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Planning;

[TestClass]
public sealed class SeedPlanningTests
{
    private const string Dependencies = """
        dependencies:
          postgres:
            type: postgres
            databases: [shopdb]
        """;

    [TestMethod]
    public void Plan_SeedOfADeclaredDatabase_ResolvesServiceAndPaths()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api");
        Directory.CreateDirectory(Path.Combine(workspace.Root, "preview", "migrations"));
        workspace.Manifest(Dependencies + """

            seed:
              shopdb:
                migrations: { service: shop-api, efcore: ../src/Shop.Data }
            """);
        Directory.CreateDirectory(Path.GetDirectoryName(workspace.ProjectPath("Shop.Data"))!);
        File.WriteAllText(workspace.ProjectPath("Shop.Data"), "<Project />");

        var result = workspace.Plan();

        Assert.IsEmpty(result.Diagnostics.Where(d => d.IsError).ToList(), DiagnosticAssert.Describe(result.Diagnostics));
        var seed = result.Plan!.Seeds.Single();
        Assert.AreEqual(("shopdb", "postgres", "shop-api", null), (seed.Database, seed.Server, seed.MigrationsService, seed.SqlFolder));
        Assert.AreEqual(Path.Combine(workspace.Root, "src", "Shop.Data"), seed.EfCoreProject);
    }

    [TestMethod]
    public void Plan_SeedProblems_AreReportedAtTheirKeys()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api");
        workspace.Manifest(Dependencies + """

            seed:
              shopdbb: {}
              shopdb:
                migrations:
                  service: shop-apy
                  sql: db/migrations
            """);

        var result = workspace.Plan();

        DiagnosticAssert.Exactly(
            result.Diagnostics,
            workspace.ManifestPath,
            (DiagnosticCodes.UnknownSeedDatabase, 6, 3),
            (DiagnosticCodes.ConflictingMigrations, 8, 5),
            (DiagnosticCodes.UnknownMigrationsService, 9, 16),
            (DiagnosticCodes.SeedPathNotFound, 10, 12));
        StringAssert.Contains(DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.UnknownSeedDatabase).Message, "Did you mean 'shopdb'?");
        Assert.IsNull(result.Plan);
    }
}
