using System.Net.Sockets;
using System.Text;
using Aspire.Hosting;
using Npgsql;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Hosting.Tests;

/// <summary>Runs real PostgreSQL and Redis servers through Aspire and checks what the environment reports.</summary>
[TestClass]
[DoNotParallelize]
public sealed class LocalBackingServicesTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task PostgresAndRedisBecomeHealthyAndTheEnvironmentReportsReady()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var postgres = builder.AddLocalPostgres("postgres");
        var database = postgres.AddDatabase("appdb");
        var redis = builder.AddLocalRedis("cache");

        await using var app = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("appdb", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout.Token);

        // The database exists and accepts the connection string services get.
        var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(timeout.Token);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT current_database(), current_user", connection);
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            Assert.IsTrue(await reader.ReadAsync(timeout.Token));
            Assert.AreEqual("appdb", reader.GetString(0));
            Assert.AreEqual("preview", reader.GetString(1));
        }

        Assert.AreEqual("+PONG", await PingAsync(redis.Resource.Port, timeout.Token));

        // The state folder tells -t:Preview the environment is ready.
        var ready = await TestRuntime.WaitForFileAsync<ReadyReport>(Path.Combine(test.StateDirectory, StateFiles.Ready), timeout.Token);
        // The gateway is a resource of every environment: ready once it listens.
        CollectionAssert.AreEquivalent(new[] { "preview-gateway", "postgres", "appdb", "cache" }, ready.Resources.Select(r => r.Name).ToList());
        Assert.IsTrue(ready.Resources.All(r => r.State == "Running"), string.Join(", ", ready.Resources.Select(r => $"{r.Name}={r.State}")));
        Assert.IsTrue(File.Exists(Path.Combine(test.StateDirectory, StateFiles.LinksJson)));
        Assert.IsFalse(Directory.Exists(Path.Combine(test.StateDirectory, StateFiles.LogsFolder)), "Logs of healthy resources are not streamed.");
        Assert.IsGreaterThan(0, EnvironmentProcesses.Find(test.Runtime.EnvironmentId).Count, "The servers carry the environment id.");

        await app.StopAsync(timeout.Token);
    }

    [TestMethod]
    public async Task APostgresFolderThatCannotBeInitialisedIsReportedAsAFailedResource()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var postgres = builder.AddLocalPostgres("postgres");
        // A file where initdb wants to create the data folder.
        Directory.CreateDirectory(postgres.Resource.WorkingDirectory!);
        await File.WriteAllTextAsync(Path.Combine(postgres.Resource.WorkingDirectory!, "pgdata"), "not a folder", TestContext.CancellationToken);

        await using var app = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        await app.StartAsync(timeout.Token);

        var failure = await TestRuntime.WaitForFileAsync<FailureReport>(Path.Combine(test.StateDirectory, StateFiles.Failed), timeout.Token);
        Assert.AreEqual("postgres", failure.Resource);
        Assert.IsFalse(File.Exists(Path.Combine(test.StateDirectory, StateFiles.Ready)));
        StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(test.StateDirectory, StateFiles.LogsFolder, "postgres.log"), timeout.Token) + failure.Reason, "PREVIEW3003");
        await app.StopAsync(timeout.Token);
    }

    private static async Task<string> PingAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).Trim();
    }
}
