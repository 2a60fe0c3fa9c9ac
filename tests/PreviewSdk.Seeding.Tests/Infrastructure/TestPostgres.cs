using System.Diagnostics;
using Npgsql;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Seeding.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests, started from the installed binaries (initdb + postgres, as the
/// <c>postgres</c> account when the tests run as root) in a temp folder on a free port, and stopped when disposed.
/// One server serves the whole test run (<see cref="Shared"/>); each test creates its own database.
/// </summary>
internal sealed class TestPostgres : IAsyncDisposable
{
    private const string Password = "previewsdk-tests";
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static TestPostgres? shared;
    private readonly Process server;
    private readonly string folder;

    private TestPostgres(Process server, string folder, int port)
    {
        this.server = server;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server every test shares, started on first use and stopped when the test run ends.</summary>
    public static async Task<TestPostgres> Shared()
    {
        await StartLock.WaitAsync();
        try
        {
            return shared ??= await StartAsync();
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>Stops the shared server, if one was started.</summary>
    public static async Task StopShared()
    {
        if (shared is { } server)
        {
            shared = null;
            await server.DisposeAsync();
        }
    }

    /// <summary>A connection string to <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = Password,
            Database = database,
            Pooling = false,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>Creates a fresh, empty database with a unique name (from <paramref name="prefix"/>) and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Runs SQL (several statements allowed) in <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of a query in <paramref name="database"/>.</summary>
    public async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!server.HasExited)
            {
                // SIGINT: PostgreSQL's fast shutdown. Through runuser the signal reaches the server's process group.
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            server.Dispose();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static async Task<TestPostgres> StartAsync()
    {
        var bin = new LocalBinaryLocator().FindPostgresBinDirectory()
            ?? throw new InvalidOperationException("PostgreSQL binaries (initdb, postgres) are needed by these tests: apt-get install postgresql.");
        var account = ServiceAccount.ForPostgres();
        var folder = Path.Combine(Path.GetTempPath(), "previewsdk-seeding-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var passwordFile = Path.Combine(folder, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        if (account is not null)
        {
            await RunAsync("chown", ["-R", $"{account.UserId}:{account.GroupId}", folder]);
        }

        var data = Path.Combine(folder, "pgdata");
        await RunAsync(account, Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
        var port = LoopbackPorts.Next();
        var server = Start(account, Path.Combine(bin, "postgres"),
            ["-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", "listen_addresses=127.0.0.1",
             "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        var postgres = new TestPostgres(server, folder, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(postgres.ConnectionString());
                await connection.OpenAsync();
                return postgres;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static Process Start(ServiceAccount? account, string program, string[] arguments)
    {
        var (command, all) = AsAccount(account, program, arguments);
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // Drain the output so the server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Task RunAsync(string program, string[] arguments) => RunAsync(null, program, arguments);

    private static async Task RunAsync(ServiceAccount? account, string program, string[] arguments)
    {
        var (command, all) = AsAccount(account, program, arguments);
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error} {await output}");
        }
    }

    private static (string Command, string[] Arguments) AsAccount(ServiceAccount? account, string program, string[] arguments) =>
        account is null ? (program, arguments) : ("runuser", ["-u", account.UserName!, "--", program, .. arguments]);
}
