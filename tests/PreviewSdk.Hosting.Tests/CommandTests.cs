using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// The dashboard commands of a real app host, invoked through Aspire's resource command API as the dashboard does:
/// Reseed, Reset to empty (SQL-folder and service migrations), Extend time to live, Run all checks, Rotate access token.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CommandTests
{
    // Generous: the machine is shared, and a restart or a dashboard start can take a minute under load.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(360);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task ReseedGeneratesTheRowsOfTheNewSeed_AndResetLeavesMigratedEmptyTables()
    {
        using var test = new TestRuntime();
        var manifest = WriteSqlSeededManifest(test);
        var builder = test.CreateBuilder();
        var database = builder.AddLocalPostgres("postgres").AddDatabase("appdb").WithSeedData(manifest);
        using var timeout = Limit();
        await using var app = await test.StartUntilReadyAsync(builder, timeout.Token);
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(timeout.Token);
        var seed42 = await NamesAsync(connectionString, timeout.Token);

        var reseed = await commands.ExecuteCommandAsync("appdb", "preview-reseed", Arguments(("seed", "7")), timeout.Token);

        Assert.IsTrue(reseed.Success, reseed.Message);
        Assert.AreEqual("appdb: 2 tables, ", reseed.Message![..17]);
        StringAssert.EndsWith(reseed.Message, ", seed 7, seeded");
        var seed7 = await NamesAsync(connectionString, timeout.Token);
        Assert.HasCount(25, seed7, "the same row count");
        CollectionAssert.AreNotEqual(seed42.ToList(), seed7.ToList(), "the rows of another seed");
        Assert.AreEqual(7, LinksOf(test).Data.Single().Seed, "the links name the new seed");

        var reset = await commands.ExecuteCommandAsync("appdb", "preview-reset", timeout.Token);

        Assert.IsTrue(reset.Success, reset.Message);
        Assert.AreEqual("appdb is empty and migrated: 3 tables, no rows.", reset.Message);
        Assert.AreEqual(0L, await ScalarAsync(connectionString, "SELECT count(*) FROM items", timeout.Token));
        Assert.AreEqual(0L, await ScalarAsync(connectionString, "SELECT count(*) FROM tags", timeout.Token));
        Assert.AreEqual(2L, await ScalarAsync(connectionString, "SELECT count(*) FROM __preview_sql_migrations", timeout.Token), "migrated again");
        Assert.IsEmpty(LinksOf(test).Data, "no generated data any more");

        // Empty and still the environment's: it can be seeded again.
        var again = await commands.ExecuteCommandAsync("appdb", "preview-reseed", timeout.Token);
        Assert.IsTrue(again.Success, again.Message);
        Assert.HasCount(25, await NamesAsync(connectionString, timeout.Token));
        await app.StopAsync(timeout.Token);
    }

    [TestMethod]
    public async Task Reset_RestartsTheServiceThatMigrates_AndWaitsForIt()
    {
        using var test = new TestRuntime();
        var manifest = test.Write("preview.yaml", """
            dependencies:
              postgres: { type: postgres, databases: [appdb] }
            seed:
              appdb:
                migrations: { service: svc }
                tables: { things: 12 }
            """);
        var builder = test.CreateBuilder();
        var database = builder.AddLocalPostgres("postgres").AddDatabase("appdb").WithSeedData(manifest);
        builder.AddTestService("svc").WithHttpHealthCheck("/health").WithReference(database).WaitFor(database);
        using var timeout = Limit();
        await using var app = await test.StartUntilReadyAsync(builder, timeout.Token);
        var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(timeout.Token);
        Assert.AreEqual(12L, await ScalarAsync(connectionString, "SELECT count(*) FROM things", timeout.Token));
        var started = (await app.ResourceNotifications.WaitForResourceAsync("svc", e => e.Snapshot.State?.Text == KnownResourceStates.Running, timeout.Token)).Snapshot.StartTimeStamp;

        var reset = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("appdb", "preview-reset", timeout.Token);

        Assert.IsTrue(reset.Success, reset.Message);
        Assert.AreEqual("appdb is empty and migrated: 1 tables, no rows.", reset.Message);
        Assert.AreEqual(0L, await ScalarAsync(connectionString, "SELECT count(*) FROM things", timeout.Token));
        Assert.IsTrue(app.ResourceNotifications.TryGetCurrentState("svc", out var svc) && svc.Snapshot.StartTimeStamp > started, "svc was restarted");
        await app.StopAsync(timeout.Token);
    }

    [TestMethod]
    public async Task ExtendMovesExpiresAt_AndRunAllChecksReportsEveryCheck()
    {
        using var test = new TestRuntime();
        var record = new EnvironmentRecord
        {
            Name = test.Runtime.Name,
            App = "shop",
            Profile = "lightweight",
            EnvironmentId = test.Runtime.EnvironmentId,
            HostProcessId = Environment.ProcessId,
            StartedAt = DateTimeOffset.UtcNow,
            DashboardUrl = string.Empty,
            ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(10),
            DefaultTimeToLive = TimeSpan.FromHours(8),
        };
        StateJson.Write(Path.Combine(test.StateDirectory, StateFiles.Record), record);
        var manifest = test.Write("preview.yaml", "checks:\n  svc:\n    home: /\n    broken: /broken\n");
        var builder = test.CreateBuilder();
        builder.AddPreviewAlerts(manifest);
        builder.AddTestService("svc").WithHttpHealthCheck("/health").WithSyntheticChecks(manifest);
        using var timeout = Limit();
        await using var app = await test.StartUntilReadyAsync(builder, timeout.Token);
        var commands = app.Services.GetRequiredService<ResourceCommandService>();

        var byProfile = await commands.ExecuteCommandAsync(PreviewEnvironmentResource.DefaultName, "preview-extend", timeout.Token);
        var expiresAt = Record(test).ExpiresAt!.Value;

        Assert.IsTrue(byProfile.Success, byProfile.Message);
        Assert.IsTrue(expiresAt - DateTimeOffset.UtcNow > TimeSpan.FromHours(7.9), $"{expiresAt}: the profile's 8h from now");
        Assert.MatchesRegex(@"^Preview 'test' now expires at .* \(in (7h59m|8h00m)\)\.$", byProfile.Message);

        var twoHours = await commands.ExecuteCommandAsync(PreviewEnvironmentResource.DefaultName, "preview-extend", Arguments(("ttl", "2h")), timeout.Token);
        Assert.IsTrue(twoHours.Success, twoHours.Message);
        Assert.IsTrue(Math.Abs((Record(test).ExpiresAt!.Value - DateTimeOffset.UtcNow - TimeSpan.FromHours(2)).TotalMinutes) < 1);
        var wrong = await commands.ExecuteCommandAsync(PreviewEnvironmentResource.DefaultName, "preview-extend", Arguments(("ttl", "soon")), timeout.Token);
        Assert.IsFalse(wrong.Success);

        var checks = await commands.ExecuteCommandAsync(PreviewEnvironmentResource.DefaultName, "preview-run-all-checks", timeout.Token);
        Assert.IsFalse(checks.Success);
        StringAssert.StartsWith(checks.Message, "1 of 2 checks failed: PREVIEW6001: Check 'svc/broken' failed");
        await app.StopAsync(timeout.Token);
    }

    [TestMethod]
    public async Task RotateToken_IssuesANewToken_TheGatewayRefusesTheOldOne_AndTheSharedLinkCarriesTheNew()
    {
        using var test = new TestRuntime();
        var manifest = test.Write("preview.yaml", "app: shop\n");
        var builder = test.CreateBuilder();
        builder.AddPreviewAlerts(manifest);
        builder.AddTestService("svc").WithHttpHealthCheck("/health");
        using var timeout = Limit();
        await using var app = await test.StartUntilReadyAsync(builder, timeout.Token);
        var oldToken = AccessTokenFile.Read(test.StateDirectory)!;
        var ready = StateJson.TryRead<ReadyReport>(Path.Combine(test.StateDirectory, StateFiles.Ready))!;
        var directoryHost = new Uri(LinksOf(test).Directory).Authority;

        var rotate = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(PreviewEnvironmentResource.DefaultName, "preview-rotate-token", timeout.Token);

        Assert.IsTrue(rotate.Success, rotate.Message);
        var newToken = AccessTokenFile.Read(test.StateDirectory)!;
        Assert.AreNotEqual(oldToken, newToken);
        Assert.DoesNotContain(newToken, rotate.Message!, "the dashboard never shows the token");
        Assert.AreEqual(GatewayAddresses.WithToken(LinksOf(test).Directory, newToken), LinksOf(test).SharedLink);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        Assert.AreEqual(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(client, ready.GatewayEndpoint!, directoryHost, oldToken, HttpStatusCode.Unauthorized, timeout.Token));
        Assert.AreEqual(HttpStatusCode.OK, await StatusWithTokenAsync(client, ready.GatewayEndpoint!, directoryHost, newToken, HttpStatusCode.OK, timeout.Token));
        await app.StopAsync(timeout.Token);
    }

    // The gateway follows the token file as it changes: asks until the expected answer comes (or the time is up).
    private static async Task<HttpStatusCode> StatusWithTokenAsync(HttpClient client, string endpoint, string host, string token, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{endpoint}/");
            request.Headers.Host = host;
            request.Headers.Add("X-Preview-Token", token);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode == expected || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private CancellationTokenSource Limit()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(Timeout);
        return timeout;
    }

    private static InteractionInputCollection Arguments(params (string Name, string Value)[] values) =>
        new([.. values.Select(value => new InteractionInput { Name = value.Name, InputType = InputType.Text, Value = value.Value })]);

    private static EnvironmentRecord Record(TestRuntime test) => StateJson.TryRead<EnvironmentRecord>(Path.Combine(test.StateDirectory, StateFiles.Record))!;

    private static EnvironmentLinks LinksOf(TestRuntime test) => StateJson.TryRead<EnvironmentLinks>(Path.Combine(test.StateDirectory, StateFiles.LinksJson))!;

    private static async Task<IReadOnlyList<string>> NamesAsync(string? connectionString, CancellationToken cancellationToken)
    {
        // Not pooled: Reset closes every connection to the database, pooled ones included.
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT name FROM items ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<long> ScalarAsync(string? connectionString, string sql, CancellationToken cancellationToken)
    {
        // Not pooled: Reset closes every connection to the database, pooled ones included.
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // Two SQL migrations beside preview.yaml and a seed of 25 items.
    private static string WriteSqlSeededManifest(TestRuntime test)
    {
        var folder = Path.Combine(test.StateDirectory, "project");
        Directory.CreateDirectory(Path.Combine(folder, "migrations"));
        File.WriteAllText(Path.Combine(folder, "migrations", "001_items.sql"), "CREATE TABLE items (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(50) NOT NULL);");
        File.WriteAllText(Path.Combine(folder, "migrations", "002_tags.sql"), "CREATE TABLE tags (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, item_id integer NOT NULL REFERENCES items (id), label varchar(20) NOT NULL);");
        var manifest = Path.Combine(folder, "preview.yaml");
        File.WriteAllText(manifest, """
            dependencies:
              postgres: { type: postgres, databases: [appdb] }
            seed:
              appdb:
                seed: 42
                migrations: { sql: migrations }
                tables: { items: 25, tags: { per: items, min: 1, max: 2 } }
            """);
        return manifest;
    }
}
