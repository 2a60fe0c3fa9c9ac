using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Migrations;

namespace PreviewSdk.Seeding.Tests.Migrations;

/// <summary>The migration check end to end over a folder of SQL migrations, on a real scratch PostgreSQL server.</summary>
[TestClass]
public sealed class SqlMigrationCheckTests
{
    private const string Init = """
        CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email varchar(200));
        CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id), total numeric(10,2) NOT NULL);
        """;

    private const string ThreeCustomers = """
        INSERT INTO customers (name, email) VALUES ('Ada', 'ada@example.com'), ('Grace', 'grace@example.com'), ('Edsger', NULL);
        INSERT INTO orders (customer_id, total) VALUES (1, 12.50), (2, 8.90);
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task RunAsync_passes_migrations_that_add_a_column_a_table_and_widen_a_type()
    {
        using var folder = new MigrationFolder();
        folder.Write("001_init.sql", Init);
        folder.Write("002_phone.sql", "ALTER TABLE customers ADD COLUMN phone text;");
        folder.Write("003_notes.sql", "CREATE TABLE notes (id int PRIMARY KEY, body text); ALTER TABLE customers ALTER COLUMN email TYPE varchar(320);");
        var lines = new List<string>();

        var result = await RunAsync(folder, MigrationBase.Named("001_init"), TestSeedSteps.Sql(ThreeCustomers), lines.Add);

        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Diagnostics));
        CollectionAssert.AreEqual(new[] { "001_init.sql" }, result.BaseMigrations.Select(m => m.Id).ToList());
        CollectionAssert.AreEqual(new[] { "002_phone.sql", "003_notes.sql" }, result.CheckedMigrations.Select(m => m.Id).ToList());
        CollectionAssert.AreEquivalent(
            new[] { "added column customers.phone (text)", "added table notes", "retyped column customers.email (character varying(200) → character varying(320))" },
            result.Changes.Select(c => c.ToString()).ToList());
        Assert.AreEqual(3L, result.Seeded!.Tables.Single(t => t.Name == "customers").Rows);
        Assert.AreEqual(3L, result.Final!.Tables.Single(t => t.Name == "customers").Rows);
        Assert.IsTrue(lines.Any(line => line.Contains("002_phone.sql: keeps the data", StringComparison.Ordinal)), string.Join("\n", lines));
        folder.AssertScratchRemoved();
    }

    [TestMethod]
    public async Task RunAsync_fails_with_PREVIEW4062_naming_the_file_table_and_column_when_a_migration_drops_a_column_with_data()
    {
        using var folder = new MigrationFolder();
        folder.Write("001_init.sql", Init);
        folder.Write("002_phone.sql", "ALTER TABLE customers ADD COLUMN phone text;");
        var destructive = folder.Write("003_drop_email.sql", "ALTER TABLE customers DROP COLUMN email;");

        var result = await RunAsync(folder, MigrationBase.Named("001_init.sql"), TestSeedSteps.Sql(ThreeCustomers));

        Assert.IsFalse(result.Succeeded);
        var error = result.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.MigrationDroppedColumn, error.Code);
        Assert.AreEqual(destructive, error.File);
        Assert.Contains("Migration '003_drop_email.sql' dropped column 'customers.email', which held 2 values.", error.Message);
        Assert.Contains("-p:PreviewMigrationBase=003_drop_email.sql", error.Message);
        CollectionAssert.Contains(result.Changes.Select(c => c.ToString()).ToList(), "dropped column customers.email (held 2 values)");
        folder.AssertScratchRemoved();
    }

    [TestMethod]
    public async Task RunAsync_fails_with_PREVIEW4060_when_a_migration_deletes_rows()
    {
        using var folder = new MigrationFolder();
        folder.Write("001_init.sql", Init);
        folder.Write("002_purge.sql", "DELETE FROM orders WHERE total < 10;");

        var result = await RunAsync(folder, MigrationBase.Named("001_init"), TestSeedSteps.Sql(ThreeCustomers));

        var error = result.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.MigrationLostRows, error.Code);
        Assert.Contains("Migration '002_purge.sql' lost 1 of the rows of table 'orders': 2 before it, 1 after.", error.Message);
        folder.AssertScratchRemoved();
    }

    [TestMethod]
    public async Task RunAsync_reports_every_destructive_migration_after_the_base_not_only_the_first()
    {
        using var folder = new MigrationFolder();
        folder.Write("001_init.sql", Init);
        folder.Write("002_blank.sql", "UPDATE customers SET name = left(name, 1);");
        folder.Write("003_null.sql", "UPDATE customers SET email = NULL;");
        folder.Write("004_drop.sql", "DROP TABLE orders;");

        var result = await RunAsync(folder, MigrationBase.Named("001_init"), TestSeedSteps.Sql(ThreeCustomers));

        CollectionAssert.AreEqual(
            new[] { DiagnosticCodes.MigrationTruncatedColumn, DiagnosticCodes.MigrationNulledColumn, DiagnosticCodes.MigrationDroppedTable },
            result.Diagnostics.Select(d => d.Code).ToList());
        Assert.Contains("'002_blank.sql' shortened the values of column 'customers.name': 14 characters in all before it, 3 after.", result.Diagnostics[0].Message);
        Assert.Contains("'004_drop.sql' dropped table 'orders', which held 2 rows.", result.Diagnostics[2].Message);
        folder.AssertScratchRemoved();
    }

    [TestMethod]
    public async Task RunAsync_takes_the_base_from_the_migrations_present_at_a_git_ref()
    {
        using var folder = new MigrationFolder();
        folder.Git("init", "-q", "-b", "main");
        folder.Write("001_init.sql", Init);
        folder.Write("002_phone.sql", "ALTER TABLE customers ADD COLUMN phone text;");
        folder.Git("add", ".");
        folder.Git("commit", "-q", "-m", "base");
        folder.Git("checkout", "-q", "-b", "feature");
        folder.Write("003_drop_phone_and_email.sql", "ALTER TABLE customers DROP COLUMN phone, DROP COLUMN email;");
        folder.Git("add", ".");
        folder.Git("commit", "-q", "-m", "feature");
        folder.Write("004_uncommitted.sql", "CREATE TABLE audit (id int);");

        var result = await RunAsync(folder, MigrationBase.AtGitRef("main"), TestSeedSteps.Sql(ThreeCustomers));

        CollectionAssert.AreEqual(new[] { "001_init.sql", "002_phone.sql" }, result.BaseMigrations.Select(m => m.Id).ToList());
        CollectionAssert.AreEqual(new[] { "003_drop_phone_and_email.sql", "004_uncommitted.sql" }, result.CheckedMigrations.Select(m => m.Id).ToList());
        // The phone column was empty: dropping it is reported, not failed.
        Assert.AreEqual(DiagnosticCodes.MigrationDroppedColumn, result.Diagnostics.Single().Code);
        Assert.Contains("customers.email", result.Diagnostics.Single().Message);
        CollectionAssert.Contains(result.Changes.Select(c => c.ToString()).ToList(), "dropped column customers.phone (empty)");
        folder.AssertScratchRemoved();
    }

    [TestMethod]
    public async Task RunAsync_by_default_takes_the_base_from_origin_main_when_there_is_no_local_main()
    {
        using var folder = new MigrationFolder();
        folder.Git("init", "-q", "-b", "feature");
        folder.Write("001_init.sql", Init);
        folder.Git("add", ".");
        folder.Git("commit", "-q", "-m", "base");
        // A CI checkout of a pull request: the target branch exists only as the remote's.
        folder.Git("update-ref", "refs/remotes/origin/main", "HEAD");
        folder.Write("002_phone.sql", "ALTER TABLE customers ADD COLUMN phone text;");
        var lines = new List<string>();

        var result = await RunAsync(folder, MigrationBase.Default, TestSeedSteps.Sql(ThreeCustomers), lines.Add);

        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Diagnostics));
        CollectionAssert.AreEqual(new[] { "002_phone.sql" }, result.CheckedMigrations.Select(m => m.Id).ToList());
        Assert.Contains("base the migrations at origin/main (up to 001_init.sql)", lines[0]);
        folder.AssertScratchRemoved();
    }

    [TestMethod]
    public async Task RunAsync_reports_PREVIEW4066_with_a_suggestion_for_an_unknown_base_and_starts_no_server()
    {
        using var folder = new MigrationFolder();
        folder.Write("001_init.sql", Init);
        folder.Write("002_phone.sql", "ALTER TABLE customers ADD COLUMN phone text;");

        var result = await RunAsync(folder, MigrationBase.Named("002_phnoe"), TestSeedSteps.Sql(ThreeCustomers));

        var error = result.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.MigrationBaseNotFound, error.Code);
        Assert.Contains("The migration base '002_phnoe' names no migration of the SQL folder", error.Message);
        Assert.Contains("Did you mean '002_phone'? Migrations: 001_init, 002_phone.", error.Message);
        Assert.IsFalse(Directory.Exists(folder.ScratchRoot), "A scratch server was started for a base that does not exist.");
    }

    [TestMethod]
    public async Task RunAsync_reports_PREVIEW4067_for_a_git_ref_that_does_not_exist()
    {
        using var folder = new MigrationFolder();
        folder.Git("init", "-q", "-b", "main");
        folder.Write("001_init.sql", Init);
        folder.Git("add", ".");
        folder.Git("commit", "-q", "-m", "base");

        var result = await RunAsync(folder, MigrationBase.AtGitRef("release/9"), TestSeedSteps.Sql(ThreeCustomers));

        Assert.AreEqual(DiagnosticCodes.MigrationBaseRefNotFound, result.Diagnostics.Single().Code);
        Assert.Contains("The git ref 'release/9' does not exist", result.Diagnostics.Single().Message);
    }

    [TestMethod]
    public async Task RunAsync_reports_PREVIEW4068_for_a_git_ref_when_the_folder_is_not_in_a_git_work_tree()
    {
        using var folder = new MigrationFolder();
        folder.Write("001_init.sql", Init);

        var result = await RunAsync(folder, MigrationBase.AtGitRef("main"), TestSeedSteps.Sql(ThreeCustomers));

        Assert.AreEqual(DiagnosticCodes.MigrationBaseNeedsGit, result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public async Task RunAsync_reports_PREVIEW4069_naming_the_file_and_tears_the_server_down_when_a_migration_fails()
    {
        using var folder = new MigrationFolder();
        folder.Write("001_init.sql", Init);
        var broken = folder.Write("002_broken.sql", "ALTER TABLE customer ADD COLUMN phone text;");

        var result = await RunAsync(folder, MigrationBase.Named("001_init"), TestSeedSteps.Sql(ThreeCustomers));

        var error = result.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.MigrationFailed, error.Code);
        Assert.AreEqual(broken, error.File);
        Assert.Contains("Migration '002_broken.sql' failed on the scratch database at line 1: 42P01: relation \"customer\" does not exist.", error.Message);
        folder.AssertScratchRemoved();
    }

    [TestMethod]
    public async Task RunAsync_tears_the_server_down_when_cancelled_while_seeding()
    {
        using var folder = new MigrationFolder();
        folder.Write("001_init.sql", Init);
        folder.Write("002_phone.sql", "ALTER TABLE customers ADD COLUMN phone text;");
        using var cancellation = new CancellationTokenSource();
        SeedStep cancelled = async (connection, cancellationToken) =>
        {
            Assert.IsNotEmpty(Directory.GetDirectories(folder.ScratchRoot), "No scratch server runs while seeding.");
            await cancellation.CancelAsync();
            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
            throw new AssertFailedException("The delay was not cancelled.");
        };

        await Assert.ThrowsAsync<OperationCanceledException>(() => RunAsync(folder, MigrationBase.Named("001_init"), cancelled, cancellationToken: cancellation.Token));

        folder.AssertScratchRemoved();
    }

    [TestMethod]
    public async Task RunAsync_has_nothing_to_check_when_the_base_is_the_last_migration()
    {
        using var folder = new MigrationFolder();
        folder.Write("001_init.sql", Init);

        var result = await RunAsync(folder, MigrationBase.Named("001_init"), TestSeedSteps.Sql(ThreeCustomers));

        Assert.IsTrue(result.Succeeded);
        Assert.IsEmpty(result.CheckedMigrations);
        Assert.IsNull(result.Seeded);
    }

    private Task<MigrationCheckResult> RunAsync(
        MigrationFolder folder, MigrationBase migrationBase, SeedStep seed, Action<string>? log = null, CancellationToken? cancellationToken = null)
    {
        var options = new MigrationCheckOptions
        {
            Database = "shopdb",
            Base = migrationBase,
            ScratchRoot = folder.ScratchRoot,
            Location = SourceLocation.WholeFile(Path.Combine(folder.Root, "preview.yaml")),
            Log = line =>
            {
                TestContext.WriteLine(line);
                log?.Invoke(line);
            },
        };
        return MigrationCheck.RunAsync(new SqlFolderMigrations(folder.Migrations, options.Location), options, seed, cancellationToken ?? TestContext.CancellationToken);
    }
}
