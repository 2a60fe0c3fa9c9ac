using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Planning;
using PreviewSdk.Seeding.Migrations;

namespace PreviewSdk.Seeding.Tests.Migrations;

[TestClass]
public sealed class MigrationCheckSetupTests
{
    private const string Manifest = """
        dependencies:
          postgres:
            type: postgres
            databases: [shopdb, audit, reports]
        seed:
          reports:
            rows: 5
          shopdb:
            rows: 20
            exclude: [outbox]
            migrations: { efcore: ../Shop.Data, sql: db }
          audit:
            migrations: { sql: audit-sql }
        """;

    private static readonly EnvironmentPlan Plan = new("shop", [], [])
    {
        Seeds =
        [
            new DatabaseSeedPlan("reports", "postgres", null, null, null, null),
            new DatabaseSeedPlan("shopdb", "postgres", null, "/repo/preview/db", "/repo/Shop.Data/Shop.Data.csproj", null),
            new DatabaseSeedPlan("audit", "postgres", null, "/repo/preview/audit-sql", null, null),
        ],
    };

    [TestMethod]
    public void Create_checks_the_first_database_with_migrations_preferring_EF_Core_and_the_default_base()
    {
        var diagnostics = new List<PreviewDiagnostic>();

        var setup = MigrationCheckSetup.Create(Plan, Read(), "/repo/preview/Shop.Preview.csproj", "", "", "", "lightweight", diagnostics);

        Assert.IsEmpty(diagnostics);
        Assert.AreEqual("shopdb", setup!.Options.Database);
        Assert.IsInstanceOfType<EfCoreMigrations>(setup.Source);
        Assert.AreEqual(MigrationBase.Default, setup.Options.Base);
        Assert.AreEqual(new SourceLocation("/repo/preview/preview.yaml", 11, 27), setup.Options.Location);
        Assert.AreEqual(20L, setup.Settings.DefaultRows);
        CollectionAssert.AreEqual(new[] { "outbox" }, setup.ExcludedTables.ToList());
    }

    [TestMethod]
    public void Create_takes_the_named_database_and_base()
    {
        var diagnostics = new List<PreviewDiagnostic>();

        var setup = MigrationCheckSetup.Create(Plan, Read(), "/repo/preview/Shop.Preview.csproj", "audit", " 002_users ", "", "lightweight", diagnostics);

        Assert.IsInstanceOfType<SqlFolderMigrations>(setup!.Source);
        Assert.AreEqual(MigrationBase.Named("002_users"), setup.Options.Base);
        Assert.AreEqual(MigrationBase.AtGitRef("release/2"), MigrationCheckSetup.Create(Plan, Read(), "p.csproj", "audit", "", "release/2", "lightweight", diagnostics)!.Options.Base);
    }

    [TestMethod]
    public void Create_reports_PREVIEW4073_for_a_database_without_migrations()
    {
        var diagnostics = new List<PreviewDiagnostic>();

        var setup = MigrationCheckSetup.Create(Plan, Read(), "/repo/preview/Shop.Preview.csproj", "reports", "", "", "lightweight", diagnostics);

        Assert.IsNull(setup);
        var error = diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.UnknownMigrationDatabase, error.Code);
        Assert.AreEqual("/repo/preview/Shop.Preview.csproj", error.File);
        Assert.StartsWith("PreviewMigrationDatabase is 'reports', but seed: has no entry with migrations (efcore: or sql:) for it. Databases with migrations: shopdb, audit.", error.Message);
    }

    [TestMethod]
    public void Create_reports_PREVIEW1019_when_both_a_base_and_a_base_ref_are_set()
    {
        var diagnostics = new List<PreviewDiagnostic>();

        var setup = MigrationCheckSetup.Create(Plan, Read(), "/repo/preview/Shop.Preview.csproj", "", "InitialCreate", "main", "lightweight", diagnostics);

        Assert.IsNull(setup);
        Assert.AreEqual(DiagnosticCodes.InvalidProperty, diagnostics.Single().Code);
        Assert.Contains("PreviewMigrationBaseRef", diagnostics.Single().Message);
    }

    private static PreviewManifest Read()
    {
        var result = ManifestReader.Read("/repo/preview/preview.yaml", Manifest);
        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        return result.Manifest!;
    }
}
