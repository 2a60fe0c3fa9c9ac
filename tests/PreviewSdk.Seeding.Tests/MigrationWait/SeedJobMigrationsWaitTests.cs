using System.Net;
using System.Text;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Seeding.MigrationWait;
using PreviewSdk.Seeding.Tests.EndToEnd;

namespace PreviewSdk.Seeding.Tests.MigrationWait;

/// <summary>
/// The Kubernetes seeding Job's wait, against a real database and a real HTTP health endpoint that a stand-in
/// migrator changes while the wait polls: a health answer of 200 alone must not start the seeding.
/// </summary>
[TestClass]
public sealed class SeedJobMigrationsWaitTests
{
    private static readonly string[] Migrations = EfHistory.Migrations;

    private static readonly SourceLocation Location = SourceLocation.WholeFile("preview.yaml");

    [TestMethod]
    public async Task HealthyBeforeItMigrates_TheWaitLastsUntilTheDatabaseHoldsEveryMigration()
    {
        var target = await SeedTarget.CreateAsync(EfHistory.Create + EfHistory.Applied(Migrations[0]));
        using var health = new HealthEndpoint("Healthy");
        await using var connection = await target.OpenAsync();
        var log = new List<string>();

        var waiting = SeedJobMigrationsWait.WaitAsync(connection, "shop-api", health.Url, Migrations, Location, Logged(log), CancellationToken.None);
        await Task.Delay(2500);
        Assert.IsFalse(waiting.IsCompleted, "The health endpoint answered 200, but a migration is missing.");

        await target.Server.ExecuteAsync(target.Name, EfHistory.Applied(Migrations[1]));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        lock (log)
        {
            CollectionAssert.Contains(log, $"1 of 2 migrations applied; waiting for {Migrations[1]}.");
            CollectionAssert.Contains(log, $"{health.Url} answered 200 (Healthy).");
        }
    }

    [TestMethod]
    public async Task DegradedWithEveryMigration_TheWaitLastsUntilTheServiceSaysHealthy()
    {
        var target = await SeedTarget.CreateAsync(EfHistory.Create + EfHistory.Applied(Migrations));
        using var health = new HealthEndpoint("Degraded");
        await using var connection = await target.OpenAsync();

        var waiting = SeedJobMigrationsWait.WaitAsync(connection, "shop-api", health.Url, Migrations, Location, _ => { }, CancellationToken.None);
        await Task.Delay(2500);
        Assert.IsFalse(waiting.IsCompleted, "Degraded answers 200 too: the service is still at work (its demo rows).");

        health.Body = "Healthy";
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [TestMethod]
    public async Task WorkerWithoutHealthOrMigrationIds_WaitsForItsSchemaToAppearAndStopChanging()
    {
        var target = await SeedTarget.CreateAsync("SELECT 1;");
        await using var connection = await target.OpenAsync();

        var waiting = SeedJobMigrationsWait.WaitAsync(connection, "shop-worker", health: null, expectedMigrations: null, Location, _ => { }, CancellationToken.None);
        await Task.Delay(MigrationsDoneWait.QuietPeriod + TimeSpan.FromSeconds(1));
        Assert.IsFalse(waiting.IsCompleted, "An empty database is no migrated schema.");

        await target.Server.ExecuteAsync(target.Name, "CREATE TABLE orders (id int);");
        await Task.Delay(1000);
        await target.Server.ExecuteAsync(target.Name, "CREATE TABLE lines (id int);");
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static Action<string> Logged(List<string> log) => line =>
    {
        lock (log)
        {
            log.Add(line);
        }
    };

    // A real HTTP health endpoint on the loopback that answers 200 with Body, as ASP.NET Core's does.
    private sealed class HealthEndpoint : IDisposable
    {
        private readonly HttpListener listener = new();

        public HealthEndpoint(string body)
        {
            Body = body;
            var port = LoopbackPorts.Next();
            Url = new Uri($"http://127.0.0.1:{port}/health");
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            _ = ServeAsync();
        }

        public Uri Url { get; }

        public string Body { get; set; }

        public void Dispose() => listener.Close();

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var bytes = Encoding.UTF8.GetBytes(Body);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "text/plain";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }
}
