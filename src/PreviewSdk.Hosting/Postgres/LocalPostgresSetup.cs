using System.Security.Cryptography;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Everything decided about a local PostgreSQL server before it starts: binaries, account, port, password and
/// folders. The password is random per environment, so parallel environments share no secret.
/// </summary>
internal sealed class LocalPostgresSetup
{
    private LocalPostgresSetup(string resourceName, string binDirectory, ServiceAccount? account, string baseDirectory)
    {
        ResourceName = resourceName;
        BinDirectory = binDirectory;
        Account = account;
        BaseDirectory = baseDirectory;
    }

    public string ResourceName { get; }

    public string BinDirectory { get; }

    /// <summary>The non-root account the server runs as when the app host runs as root; null to run as oneself.</summary>
    public ServiceAccount? Account { get; }

    /// <summary>Holds the data folder and the initdb password file; owned by <see cref="Account"/>.</summary>
    public string BaseDirectory { get; }

    public string DataDirectory => Path.Combine(BaseDirectory, "pgdata");

    public int Port { get; } = LoopbackPorts.Next();

    public string Password { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public List<LocalPostgresDatabaseResource> Databases { get; } = [];

    public static LocalPostgresSetup Create(PreviewRuntime runtime, string resourceName)
    {
        var binDirectory = new LocalBinaryLocator().FindPostgresBinDirectory()
            ?? throw PreviewHostingException.Create(DiagnosticCodes.PostgresNotFound, resourceName);
        var account = ServiceAccount.ForPostgres();
        return new LocalPostgresSetup(resourceName, binDirectory, account, DataFolders.For(runtime, resourceName, account));
    }

    /// <summary>The program and arguments that run the server in the foreground, as the right account.</summary>
    public (string Command, string[] Arguments) ServerCommand()
    {
        string[] server =
        [
            Path.Combine(BinDirectory, "postgres"), "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off",
        ];
        return AsAccount(server);
    }

    /// <summary>The program and arguments that initialise the data folder.</summary>
    public (string Command, string[] Arguments) InitCommand(string passwordFile)
    {
        string[] init =
        [
            Path.Combine(BinDirectory, "initdb"), "-D", DataDirectory, "-U", LocalPostgresServerResource.UserName,
            "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
        ];
        return AsAccount(init);
    }

    private (string Command, string[] Arguments) AsAccount(string[] command) =>
        Account is null
            ? (command[0], command[1..])
            : (new LocalBinaryLocator().FindOnPath("runuser") ?? "/usr/sbin/runuser", ["-u", Account.UserName!, "--", .. command]);
}
