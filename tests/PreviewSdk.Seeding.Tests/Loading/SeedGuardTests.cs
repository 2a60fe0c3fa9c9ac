using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Schema;
using static PreviewSdk.Seeding.Tests.Loading.TestSchema;

namespace PreviewSdk.Seeding.Tests.Loading;

/// <summary>The seeder writes only into its environment's own, empty (or reset) database.</summary>
[TestClass]
public sealed class SeedGuardTests
{
    private const string Environment = "3f2a9c";
    private const string Tables = "CREATE TABLE customers (id integer PRIMARY KEY); CREATE TABLE orders (id integer PRIMARY KEY)";

    private static readonly TableSchema[] Seeded =
    [
        Table("customers", Column("id", Integer, nullable: false)),
        Table("orders", Column("id", Integer, nullable: false)),
    ];

    [TestMethod]
    public async Task CheckAsync_allows_the_marked_empty_database_of_the_environment()
    {
        var database = await TestDatabase.CreateAsync(Tables);
        await using var connection = await database.OpenAsync();
        await SeedGuard.MarkAsync(connection, Environment);

        var diagnostic = await SeedGuard.CheckAsync(connection, Environment, Seeded, reset: false, "preview.yaml");

        Assert.IsNull(diagnostic);
        Assert.AreEqual(
            "previewsdk:environment=3f2a9c",
            await database.ScalarAsync<string>("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()"));
    }

    [TestMethod]
    public async Task CheckAsync_refuses_a_database_without_a_marker_as_PREVIEW4040()
    {
        var database = await TestDatabase.CreateAsync(Tables);
        await using var connection = await database.OpenAsync();

        var diagnostic = await SeedGuard.CheckAsync(connection, Environment, Seeded, reset: true, "preview/preview.yaml");

        Assert.IsNotNull(diagnostic);
        Assert.AreEqual(DiagnosticCodes.SeedDatabaseNotMarked, diagnostic.Code);
        Assert.AreEqual("preview/preview.yaml", diagnostic.File);
        Assert.Contains($"'{database.Name}'", diagnostic.Message);
        Assert.Contains($"environment '{Environment}'", diagnostic.Message);
    }

    [TestMethod]
    public async Task CheckAsync_refuses_a_database_with_an_unrelated_comment_as_PREVIEW4040()
    {
        var database = await TestDatabase.CreateAsync(Tables);
        await database.ExecuteAsync($"COMMENT ON DATABASE \"{database.Name}\" IS 'the shared development database'");
        await using var connection = await database.OpenAsync();

        var diagnostic = await SeedGuard.CheckAsync(connection, Environment, Seeded, reset: false, "preview.yaml");

        Assert.AreEqual(DiagnosticCodes.SeedDatabaseNotMarked, diagnostic?.Code);
    }

    [TestMethod]
    public async Task CheckAsync_refuses_the_database_of_another_environment_as_PREVIEW4042()
    {
        var database = await TestDatabase.CreateAsync(Tables);
        await using var connection = await database.OpenAsync();
        await SeedGuard.MarkAsync(connection, "other-env");

        var diagnostic = await SeedGuard.CheckAsync(connection, Environment, Seeded, reset: true, "preview.yaml");

        Assert.IsNotNull(diagnostic);
        Assert.AreEqual(DiagnosticCodes.SeedDatabaseOfAnotherEnvironment, diagnostic.Code);
        Assert.Contains($"'{database.Name}' is marked as the database of preview environment 'other-env', not of '{Environment}'", diagnostic.Message);
    }

    [TestMethod]
    public async Task CheckAsync_refuses_tables_that_hold_rows_as_PREVIEW4043_naming_them()
    {
        var database = await TestDatabase.CreateAsync(Tables + "; INSERT INTO orders VALUES (1)");
        await using var connection = await database.OpenAsync();
        await SeedGuard.MarkAsync(connection, Environment);

        var diagnostic = await SeedGuard.CheckAsync(connection, Environment, Seeded, reset: false, "preview.yaml");

        Assert.IsNotNull(diagnostic);
        Assert.AreEqual(DiagnosticCodes.SeedTablesNotEmpty, diagnostic.Code);
        Assert.Contains($"'{database.Name}' already holds rows in orders,", diagnostic.Message);
        Assert.DoesNotContain("customers", diagnostic.Message);
        Assert.EndsWith("or seed again with -t:PreviewSeed, which empties the seeded tables first.", diagnostic.Message);
    }

    [TestMethod]
    public async Task CheckAsync_allows_tables_that_hold_rows_when_the_seed_resets_them()
    {
        var database = await TestDatabase.CreateAsync(Tables + "; INSERT INTO orders VALUES (1)");
        await using var connection = await database.OpenAsync();
        await SeedGuard.MarkAsync(connection, Environment);

        Assert.IsNull(await SeedGuard.CheckAsync(connection, Environment, Seeded, reset: true, "preview.yaml"));
    }

    [TestMethod]
    public async Task MarkAsync_rejects_an_id_that_would_need_quoting()
    {
        var database = await TestDatabase.CreateAsync(string.Empty);
        await using var connection = await database.OpenAsync();

        await Assert.ThrowsExactlyAsync<ArgumentException>(() => SeedGuard.MarkAsync(connection, "x'; DROP TABLE t; --"));
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => SeedGuard.MarkAsync(connection, string.Empty));
    }
}
