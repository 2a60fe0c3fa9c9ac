using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Seeding.Scratch;

/// <summary>
/// A throw-away PostgreSQL server for checks that must not touch a real environment: <c>initdb</c> into a fresh
/// folder, <c>postgres</c> on a free loopback port (as the <c>postgres</c> account through <c>runuser</c> when
/// running as root), reached with a random password. Disposing stops the server and deletes the folder; a server
/// whose owner died without disposing it is removed by the next start.
/// </summary>
public sealed class ScratchPostgres : IAsyncDisposable
{
    /// <summary>The superuser initdb creates.</summary>
    public const string UserName = "postgres";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process server;
    private readonly List<string> serverLog;
    private readonly string password;
    private bool disposed;

    private ScratchPostgres(Process server, List<string> serverLog, string folder, int port, string password)
    {
        this.server = server;
        this.serverLog = serverLog;
        this.password = password;
        Folder = folder;
        Port = port;
    }

    /// <summary>Where scratch servers live unless told otherwise: one folder each under the temp folder.</summary>
    public static string DefaultRoot => Path.Combine(Path.GetTempPath(), "previewsdk-scratch");

    /// <summary>The server's folder (data folder and bookkeeping), deleted on dispose.</summary>
    public string Folder { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The process id of the started program (<c>runuser</c> as root, else <c>postgres</c>).</summary>
    public int ProcessId => server.Id;

    /// <summary>Starts a server in a new folder under <paramref name="root"/> and waits until it accepts connections.</summary>
    /// <param name="root">The parent of the server's folder; null for <see cref="DefaultRoot"/>.</param>
    /// <param name="cancellationToken">Stops waiting; whatever was started is stopped and deleted.</param>
    /// <exception cref="ScratchPostgresException">The binaries are missing, or initdb or the server failed.</exception>
    public static async Task<ScratchPostgres> StartAsync(string? root, CancellationToken cancellationToken)
    {
        var bin = new LocalBinaryLocator().FindPostgresBinDirectory()
            ?? throw new ScratchPostgresException("the PostgreSQL server binaries (initdb, postgres) are not on PATH nor in /usr/lib/postgresql/<version>/bin.");
        var account = ServiceAccount.ForPostgres();
        root = Path.GetFullPath(root ?? DefaultRoot);
        PrepareRoot(root);
        ScratchLeftovers.Remove(root);

        var folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        ScratchLeftovers.MarkOwned(folder);
        Process? server = null;
        try
        {
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            await InitializeAsync(bin, account, folder, password, cancellationToken);
            var port = LoopbackPorts.Next();
            var log = new List<string>();
            server = StartServer(bin, account, folder, port, log);
            var postgres = new ScratchPostgres(server, log, folder, port, password);
            await postgres.WaitUntilReadyAsync(cancellationToken);
            return postgres;
        }
        catch
        {
            Stop(server);
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>A connection string to <paramref name="database"/> as the superuser, without pooling.</summary>
    /// <param name="database">The database name.</param>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = UserName,
            Password = password,
            Database = database,
            Pooling = false,
            CommandTimeout = 300,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>Creates an empty database named <paramref name="name"/>.</summary>
    /// <param name="name">A database name.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {Schema.SqlNames.Quote(name)}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the server (it holds only scratch data, so no clean shutdown is needed) and deletes its folder.</summary>
    public ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            Stop(server);
            server.Dispose();
            DeleteFolder(Folder);
        }

        return ValueTask.CompletedTask;
    }

    private static void PrepareRoot(string root)
    {
        if (Directory.Exists(root))
        {
            return;
        }

        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            // Shared like /tmp: any user may start a scratch server here, and the postgres account must reach its folder.
            File.SetUnixFileMode(root, (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);
        }
    }

    private static async Task InitializeAsync(string bin, ServiceAccount? account, string folder, string password, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(folder, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n", cancellationToken);
        if (account is not null)
        {
            var chown = await ExternalProgram.RunAsync("chown", ["-R", $"{account.UserId}:{account.GroupId}", folder], null, cancellationToken);
            if (!chown.Succeeded)
            {
                throw new ScratchPostgresException($"handing '{folder}' to the {account.UserName} account failed: {chown.LastLines(5)}");
            }
        }

        var (command, arguments) = AsAccount(account,
        [
            Path.Combine(bin, "initdb"), "-D", Path.Combine(folder, "pgdata"), "-U", UserName, "--pwfile=" + passwordFile,
            "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
        ]);
        var init = await ExternalProgram.RunAsync(command, arguments, folder, cancellationToken);
        File.Delete(passwordFile);
        if (!init.Succeeded)
        {
            throw new ScratchPostgresException($"'{ExternalProgram.Describe(command, arguments)}' failed with exit code {init.ExitCode}: {init.LastLines(5)}");
        }
    }

    private static Process StartServer(string bin, ServiceAccount? account, string folder, int port, List<string> log)
    {
        // Durability settings are off: the data is thrown away after the check, and they make migrations much faster.
        var (command, arguments) = AsAccount(account,
        [
            Path.Combine(bin, "postgres"), "-D", Path.Combine(folder, "pgdata"), "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off",
            "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        ]);
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new ScratchPostgresException($"'{command}' could not be started.");
        process.StandardInput.Close();
        // Drained so the server never blocks on a full pipe; the last lines explain a failed start.
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(List<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Add(line);
            if (log.Count > 20)
            {
                log.RemoveAt(0);
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString());
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (!server.HasExited && deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (NpgsqlException e)
            {
                var lines = LogText(serverLog);
                throw new ScratchPostgresException(server.HasExited
                    ? $"the server exited with code {server.ExitCode} while starting: {lines}"
                    : $"the server did not accept connections within {StartTimeout.TotalSeconds:0} s ({e.Message}). {lines}");
            }
        }
    }

    private static string LogText(List<string> log)
    {
        lock (log)
        {
            return string.Join(" | ", log.TakeLast(5));
        }
    }

    private static (string Command, string[] Arguments) AsAccount(ServiceAccount? account, string[] command) =>
        account is null
            ? (command[0], command[1..])
            : (new LocalBinaryLocator().FindOnPath("runuser") ?? "/usr/sbin/runuser", ["-u", account.UserName!, "--", .. command]);

    private static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                // Through runuser the tree holds runuser, the postmaster and its workers: all of them go.
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    internal static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next start removes it (its owner is gone by then).
        }
    }
}
