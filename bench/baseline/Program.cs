// The baseline of build/bench.sh time-to-links: the Shop sample's environment as a team would write it by hand
// with plain Aspire, without PreviewSdk. It has the same resources, arguments, health checks and dependencies as
// the app host PreviewSdk generates from samples/Shop/Shop.Preview/preview.yaml (PreviewAppHost.Resources.g.cs and
// src/PreviewSdk.Hosting) in its default profile, lightweight, which runs no Redis, so the benchmark compares
// PreviewSdk's overhead and nothing else.
//
// Once every resource is healthy it prints a line and, when BASELINE_READY_FILE is set, writes that file with the
// time (Unix milliseconds): the moment a user of this app host would see the environment up.
// BASELINE_RUN_ID names its data folder under the temp folder (default: a new id); the bench removes it.
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PreviewSdk.Bench.Baseline;

var builder = DistributedApplication.CreateBuilder(args);
var runId = Environment.GetEnvironmentVariable("BASELINE_RUN_ID") is { Length: > 0 } id ? id : Guid.NewGuid().ToString("N");
var account = LocalServers.PostgresAccount();
var dataRoot = LocalServers.DataRoot(runId, account is not null);

// PostgreSQL: initdb before it starts, `postgres` in the foreground (through runuser as root), healthy once it
// answers SELECT 1; its databases are created once it is ready.
var pgBin = LocalServers.PostgresBinDirectory();
var pgBase = Path.Combine(dataRoot, "postgres");
var pgData = Path.Combine(pgBase, "pgdata");
Directory.CreateDirectory(pgBase);
var pgPort = LocalServers.FreePort();
var pgPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
var pgServer = $"Host=127.0.0.1;Port={pgPort.ToString(CultureInfo.InvariantCulture)};Username={LocalServers.PostgresUser};Password={pgPassword}";
var (pgCommand, pgArguments) = LocalServers.AsAccount(account,
[
    Path.Combine(pgBin, "postgres"), "-D", pgData, "-p", pgPort.ToString(CultureInfo.InvariantCulture),
    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off",
]);
builder.Services.AddHealthChecks().AddAsyncCheck("postgres_check", ct => Probes.PostgresAsync(pgServer, "postgres", ct));
var postgres = builder.AddExecutable("postgres", pgCommand, pgBase, pgArguments)
    .WithEndpoint(name: "tcp", scheme: "tcp", port: pgPort, targetPort: pgPort, isProxied: false)
    .WithHealthCheck("postgres_check");

var shopdb = builder.AddResource(new DatabaseResource("shopdb", "shopdb", postgres.Resource, pgServer))
    .WithHealthCheck("shopdb_check");
builder.Services.AddHealthChecks().AddAsyncCheck("shopdb_check", ct => Probes.PostgresAsync(pgServer, "shopdb", ct));

builder.Eventing.Subscribe<BeforeResourceStartedEvent>(postgres.Resource, (e, ct) =>
    LocalServers.InitdbAsync(pgBin, pgBase, pgData, pgPassword, account, ct));
builder.Eventing.Subscribe<ResourceReadyEvent>(postgres.Resource, (e, ct) =>
    LocalServers.CreateDatabasesAsync(pgServer, [shopdb.Resource], e.Services, ct));

// The services, as the generated code adds them: no launch profile, no HTTPS development certificate (plain HTTP
// on loopback), one HTTP endpoint for web projects, /health. They are added as a hand-written app host adds its
// ProjectReferences: by their Projects.* metadata, which tells Aspire the app host's build has built them (it runs
// them with `dotnet run --no-build`). For the bench's analysis, BASELINE_PROJECTS_BY_PATH=1 adds them by path
// instead, as PreviewSdk's generated code first did; Aspire then lets `dotnet run` build each one again as it starts.
var byPath = Environment.GetEnvironmentVariable("BASELINE_PROJECTS_BY_PATH") == "1";
IResourceBuilder<ProjectResource> AddProject<TProject>(string name)
    where TProject : IProjectMetadata, new()
{
    var project = byPath
        ? builder.AddProject(name, new TProject().ProjectPath, launchProfileName: null)
        : builder.AddProject<TProject>(name, launchProfileName: null);
#pragma warning disable ASPIRECERTIFICATES001 // Experimental in Aspire 13.6; PreviewSdk.Hosting calls it for every service.
    return project.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
}

var shopApi = AddProject<Projects.Shop_Api>("shop-api")
    .WithHttpEndpoint(name: "http")
    .WithHttpHealthCheck("/health")
    .WithReference(shopdb).WaitFor(shopdb);
var shopWorker = AddProject<Projects.Shop_Worker>("shop-worker")
    .WithEnvironment("Orders__BatchSize", "20")
    .WithReference(shopdb).WaitFor(shopdb);
var shopWeb = AddProject<Projects.Shop_Web>("shop-web")
    .WithHttpEndpoint(name: "http")
    .WithHttpHealthCheck("/health")
    .WithReference(shopApi).WaitFor(shopApi);

IResource[] environment = [postgres.Resource, shopdb.Resource, shopApi.Resource, shopWorker.Resource, shopWeb.Resource];
builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
{
    _ = ReadyReporter.RunAsync(e.Services, environment);
    return Task.CompletedTask;
});

builder.Build().Run();

namespace PreviewSdk.Bench.Baseline
{
    using System.Net;
    using System.Net.Sockets;
    using Microsoft.Extensions.Diagnostics.HealthChecks;
    using Npgsql;

    /// <summary>A database on the PostgreSQL executable; Running once created, healthy once it answers.</summary>
    internal sealed class DatabaseResource(string name, string databaseName, ExecutableResource parent, string serverConnectionString)
        : Resource(name), IResourceWithParent<ExecutableResource>, IResourceWithConnectionString
    {
        public string DatabaseName { get; } = databaseName;

        public ExecutableResource Parent { get; } = parent;

        public ReferenceExpression ConnectionStringExpression =>
            ReferenceExpression.Create($"{serverConnectionString};Database={DatabaseName}");
    }

    /// <summary>Waits until every resource is healthy, then says so on the console and in BASELINE_READY_FILE.</summary>
    internal static class ReadyReporter
    {
        public static async Task RunAsync(IServiceProvider services, IReadOnlyList<IResource> resources)
        {
            var notifications = services.GetRequiredService<ResourceNotificationService>();
            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Baseline");
            try
            {
                await Task.WhenAll(resources.Select(resource => notifications.WaitForResourceHealthyAsync(resource.Name, stopping)));
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = DateTimeOffset.UtcNow;
            if (Environment.GetEnvironmentVariable("BASELINE_READY_FILE") is { Length: > 0 } readyFile)
            {
                var temporary = readyFile + ".tmp";
                await File.WriteAllTextAsync(temporary, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "\n", CancellationToken.None);
                File.Move(temporary, readyFile, overwrite: true);
            }

            var seconds = (now.UtcDateTime - Process.GetCurrentProcess().StartTime.ToUniversalTime()).TotalSeconds;
            logger.LogInformation("Baseline is up: all {Count} resources healthy {Seconds} s after the app host started.",
                resources.Count, seconds.ToString("0.0", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Finds and prepares the local PostgreSQL and Redis, as PreviewSdk.Hosting does.</summary>
    internal static class LocalServers
    {
        public const string PostgresUser = "preview";

        public static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public static string? FindOnPath(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(directory => Path.Combine(directory, program))
                .FirstOrDefault(File.Exists);

        /// <summary>The first PATH folder with initdb and postgres, else the newest /usr/lib/postgresql/N/bin.</summary>
        public static string PostgresBinDirectory()
        {
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "postgres")));
            var debian = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Where(directory => int.TryParse(Path.GetFileName(directory), out _) && File.Exists(Path.Combine(directory, "bin", "postgres")))
                    .OrderByDescending(directory => int.Parse(Path.GetFileName(directory), CultureInfo.InvariantCulture))
                    .Select(directory => Path.Combine(directory, "bin"))
                    .FirstOrDefault()
                : null;
            return onPath ?? debian ?? throw new InvalidOperationException("PostgreSQL's initdb/postgres were not found (apt-get install postgresql).");
        }

        /// <summary>As root, PostgreSQL runs as 'postgres' (or 'nobody'): (name, uid, gid); else null.</summary>
        public static (string Name, int UserId, int GroupId)? PostgresAccount()
        {
            if (OperatingSystem.IsWindows() || Environment.UserName != "root")
            {
                return null;
            }

            var accounts = File.ReadLines("/etc/passwd")
                .Select(line => line.Split(':'))
                .Where(fields => fields.Length >= 4 && int.TryParse(fields[2], out _) && int.TryParse(fields[3], out _))
                .Select(fields => (Name: fields[0], UserId: int.Parse(fields[2], CultureInfo.InvariantCulture), GroupId: int.Parse(fields[3], CultureInfo.InvariantCulture)))
                .ToList();
            return accounts.FirstOrDefault(account => account.Name == "postgres") is { Name: not null } postgres ? postgres
                : accounts.FirstOrDefault(account => account.Name == "nobody") is { Name: not null } nobody ? nobody
                : throw new InvalidOperationException("Neither a 'postgres' nor a 'nobody' account exists to run PostgreSQL as.");
        }

        /// <summary>
        /// The run's data folder under the temp folder; when PostgreSQL runs as another account, the folders above it
        /// are made traversable for that account (as PreviewSdk.Hosting does for its data folders).
        /// </summary>
        public static string DataRoot(string runId, bool forAnotherAccount)
        {
            var top = Path.Combine(Path.GetTempPath(), "previewsdk-baseline");
            var root = Path.Combine(top, runId);
            Directory.CreateDirectory(root);
            if (forAnotherAccount && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(top, (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);
                File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }

            return root;
        }

        public static (string Command, string[] Arguments) AsAccount((string Name, int UserId, int GroupId)? account, string[] command) =>
            account is { } user
                ? (FindOnPath("runuser") ?? "/usr/sbin/runuser", ["-u", user.Name, "--", .. command])
                : (command[0], command[1..]);

        /// <summary>Initialises a fresh data folder with initdb (owned by the server's account), before the first start.</summary>
        public static async Task InitdbAsync(string binDirectory, string baseDirectory, string dataDirectory, string password,
            (string Name, int UserId, int GroupId)? account, CancellationToken cancellationToken)
        {
            if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            {
                return;
            }

            var passwordFile = Path.Combine(baseDirectory, "pwfile");
            await File.WriteAllTextAsync(passwordFile, password + "\n", cancellationToken);
            try
            {
                if (account is { } user)
                {
                    await RunAsync("chown", ["-R", $"{user.UserId}:{user.GroupId}", baseDirectory], cancellationToken);
                }

                var (command, arguments) = AsAccount(account,
                [
                    Path.Combine(binDirectory, "initdb"), "-D", dataDirectory, "-U", PostgresUser, "--pwfile=" + passwordFile,
                    "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
                ]);
                await RunAsync(command, arguments, cancellationToken);
            }
            finally
            {
                File.Delete(passwordFile);
            }
        }

        /// <summary>Creates the databases that do not exist yet and marks them Running, which starts their health checks.</summary>
        public static async Task CreateDatabasesAsync(string serverConnectionString, IReadOnlyList<DatabaseResource> databases,
            IServiceProvider services, CancellationToken cancellationToken)
        {
            await using (var connection = new NpgsqlConnection($"{serverConnectionString};Database=postgres;Pooling=false"))
            {
                await connection.OpenAsync(cancellationToken);
                foreach (var database in databases)
                {
                    await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
                    exists.Parameters.AddWithValue("name", database.DatabaseName);
                    if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                    {
                        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                        await create.ExecuteNonQueryAsync(cancellationToken);
                    }
                }
            }

            var notifications = services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in databases)
            {
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
            }
        }

        private static async Task RunAsync(string command, IEnumerable<string> arguments, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(command)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{command}'.");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{command} {string.Join(' ', start.ArgumentList)}' failed with exit code {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
            }
        }
    }

    /// <summary>The health check: a PostgreSQL database answers SELECT 1.</summary>
    internal static class Probes
    {
        public static async Task<HealthCheckResult> PostgresAsync(string serverConnectionString, string database, CancellationToken cancellationToken)
        {
            try
            {
                await using var connection = new NpgsqlConnection($"{serverConnectionString};Database={database};Timeout=3;Pooling=false");
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy($"PostgreSQL database '{database}' does not answer yet: {e.Message}");
            }
        }
    }
}
