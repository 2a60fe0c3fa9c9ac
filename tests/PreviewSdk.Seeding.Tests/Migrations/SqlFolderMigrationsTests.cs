using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Migrations;
using PreviewSdk.Seeding.Tests.Infrastructure;

namespace PreviewSdk.Seeding.Tests.Migrations;

[TestClass]
public sealed class SqlFolderMigrationsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task ApplyAllAsync_applies_each_file_once_in_ordinal_name_order_and_records_it()
    {
        using var folder = new MigrationFolder();
        folder.Write("010_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));");
        folder.Write("002_customers.sql", "CREATE TABLE customers (id int PRIMARY KEY);");
        folder.Write("readme.txt", "not a migration");
        var postgres = await TestPostgres.Shared();
        var database = await postgres.CreateDatabaseAsync("sqlmig");
        await using var connection = new NpgsqlConnection(postgres.ConnectionString(database));
        await connection.OpenAsync(TestContext.CancellationToken);
        var migrations = new SqlFolderMigrations(folder.Migrations, SourceLocation.WholeFile("preview.yaml"));

        var first = await migrations.ApplyAllAsync(connection, TestContext.CancellationToken);
        folder.Write("011_notes.sql", "CREATE TABLE notes (id int);");
        var second = await migrations.ApplyAllAsync(connection, TestContext.CancellationToken);

        CollectionAssert.AreEqual(new[] { "002_customers.sql", "010_orders.sql" }, first.ToList());
        CollectionAssert.AreEqual(new[] { "011_notes.sql" }, second.ToList());
        Assert.AreEqual(3L, await postgres.ScalarAsync<long>(database, $"SELECT count(*) FROM {SqlFolderMigrations.HistoryTable}"));
    }

    [TestMethod]
    public async Task ApplyAllAsync_rolls_back_a_failing_file_and_keeps_the_ones_before_it()
    {
        using var folder = new MigrationFolder();
        folder.Write("001_customers.sql", "CREATE TABLE customers (id int PRIMARY KEY);");
        var broken = folder.Write("002_broken.sql", "CREATE TABLE half (id int); SELECT * FROM nowhere;");
        var postgres = await TestPostgres.Shared();
        var database = await postgres.CreateDatabaseAsync("sqlmig");
        await using var connection = new NpgsqlConnection(postgres.ConnectionString(database));
        await connection.OpenAsync(TestContext.CancellationToken);

        var error = await Assert.ThrowsAsync<MigrationCheckException>(
            () => new SqlFolderMigrations(folder.Migrations, SourceLocation.WholeFile("preview.yaml")).ApplyAllAsync(connection, TestContext.CancellationToken));

        Assert.AreEqual(DiagnosticCodes.MigrationFailed, error.Diagnostic.Code);
        Assert.AreEqual(broken, error.Diagnostic.File);
        Assert.AreEqual(1L, await postgres.ScalarAsync<long>(database, "SELECT count(*) FROM pg_tables WHERE tablename IN ('customers', 'half')"));
        Assert.AreEqual("001_customers.sql", await postgres.ScalarAsync<string>(database, $"SELECT string_agg(name, ',') FROM {SqlFolderMigrations.HistoryTable}"));
    }
}
