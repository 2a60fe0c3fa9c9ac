using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;

namespace PreviewSdk.Hosting.Tests;

/// <summary>A database with a <c>seed:</c> entry gets a seed resource that runs through Aspire on a real PostgreSQL.</summary>
[TestClass]
[DoNotParallelize]
public sealed class SeedDataTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task WithSeedData_AppliesTheSqlMigrationsSeedsAndOnlyThenReportsReady()
    {
        using var test = new TestRuntime();
        var manifest = WriteManifest(test, tables: "items: 25\n      tags: { per: items, min: 1, max: 3 }");
        var builder = test.CreateBuilder();
        var database = builder.AddLocalPostgres("postgres").AddDatabase("appdb").WithSeedData(manifest);

        await using var app = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        await app.StartAsync(timeout.Token);
        var finished = await app.ResourceNotifications.WaitForResourceAsync(
            "appdb-seed", e => e.Snapshot.State?.Text == KnownResourceStates.Finished, timeout.Token);

        Assert.AreEqual(0, finished.Snapshot.ExitCode);
        var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(timeout.Token);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(timeout.Token);
            Assert.AreEqual(25L, await ScalarAsync<long>(connection, "SELECT count(*) FROM items"));
            var tags = await ScalarAsync<long>(connection, "SELECT count(*) FROM tags");
            Assert.IsTrue(tags is >= 25 and <= 75, $"{tags} tags for 25 items at 1-3 each.");
            Assert.AreEqual(2L, await ScalarAsync<long>(connection, "SELECT count(*) FROM __preview_sql_migrations"));
        }

        var ready = await TestRuntime.WaitForFileAsync<ReadyReport>(Path.Combine(test.StateDirectory, StateFiles.Ready), timeout.Token);
        Assert.IsTrue(ready.Resources.Any(r => r.Name == "appdb-seed"), "The seeding is part of the environment.");
        var links = StateJson.TryRead<EnvironmentLinks>(Path.Combine(test.StateDirectory, StateFiles.LinksJson))!;
        var data = links.Data.Single();
        Assert.AreEqual(("appdb", 42, 2), (data.Database, data.Seed, data.Tables));
        await app.StopAsync(timeout.Token);
    }

    [TestMethod]
    public async Task WithSeedData_ASeedThatCannotBePlannedFailsTheResourceWithItsCodeInTheLog()
    {
        using var test = new TestRuntime();
        var manifest = WriteManifest(test, tables: "itemz: 10");
        var builder = test.CreateBuilder();
        builder.AddLocalPostgres("postgres").AddDatabase("appdb").WithSeedData(manifest);

        await using var app = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        await app.StartAsync(timeout.Token);

        var failure = await TestRuntime.WaitForFileAsync<FailureReport>(Path.Combine(test.StateDirectory, StateFiles.Failed), timeout.Token);
        Assert.AreEqual("appdb-seed", failure.Resource);
        Assert.IsFalse(File.Exists(Path.Combine(test.StateDirectory, StateFiles.Ready)));
        var log = await File.ReadAllTextAsync(Path.Combine(test.StateDirectory, StateFiles.LogsFolder, "appdb-seed.log"), timeout.Token);
        StringAssert.Contains(log, "PREVIEW4010");
        StringAssert.Contains(log, "itemz");
        await app.StopAsync(timeout.Token);
    }

    // preview.yaml with a seeded database whose schema comes from two SQL migrations beside it.
    private static string WriteManifest(TestRuntime test, string tables)
    {
        var folder = Path.Combine(test.StateDirectory, "project");
        Directory.CreateDirectory(Path.Combine(folder, "migrations"));
        File.WriteAllText(Path.Combine(folder, "migrations", "001_items.sql"), """
            CREATE TABLE items (
                id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name varchar(50) NOT NULL,
                price numeric(8, 2) NOT NULL CHECK (price > 0));
            """);
        File.WriteAllText(Path.Combine(folder, "migrations", "002_tags.sql"), """
            CREATE TABLE tags (
                id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                item_id integer NOT NULL REFERENCES items (id),
                label varchar(20) NOT NULL);
            """);
        var manifest = Path.Combine(folder, "preview.yaml");
        File.WriteAllText(manifest, $"""
            dependencies:
              postgres:
                type: postgres
                databases: [appdb]
            seed:
              appdb:
                seed: 42
                migrations: {"{"} sql: migrations {"}"}
                tables:
                  {tables}
            """);
        return manifest;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
