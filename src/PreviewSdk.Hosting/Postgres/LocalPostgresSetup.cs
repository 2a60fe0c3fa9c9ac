using System.Security.Cryptography;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Everything decided about a local PostgreSQL server before it starts: binaries, account, port, password and
/// folders. The password is random per environment, so parallel environments share no secret.
/// </summary>
internal sealed class LocalPostgresSetup : IPostgresTemplateServer
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

    /// <summary>
    /// The seedings of the server's databases, one per database with a <c>seed:</c> entry. When every database has
    /// one, the server's data may come from (and make) a template; see <see cref="PostgresTemplate"/>.
    /// </summary>
    public List<PreviewSeedResource> Seeds { get; } = [];

    /// <summary>The template this server's data was cloned from or is building; null without one.</summary>
    public PostgresTemplate? Template { get; set; }

    IReadOnlyList<PreviewSeedResource> IPostgresTemplateServer.Seeds => Seeds;

    public Func<Npgsql.NpgsqlConnection, CancellationToken, Task> Capture(PreviewSeedResource seed, Action<string> log, Action<PreviewSdk.Seeding.Templates.TemplateRows?> captured) =>
        LocalPostgresTemplateBuilder.Capture(this, seed, log, captured);

    public void DiscardCaptures() => LocalPostgresTemplateBuilder.DiscardCaptures(this);

    public void DiscardCapture(PreviewSeedResource seed) => LocalPostgresTemplateBuilder.DiscardCapture(this, seed);

    public Task BuildAsync(IReadOnlyList<CapturedDatabase> databases, Action<string> log, CancellationToken cancellationToken) =>
        LocalPostgresTemplateBuilder.BuildAsync(this, databases, log, cancellationToken);

    /// <summary>
    /// A program of the server's own installation, e.g. <c>pg_basebackup</c>: beside the file <c>postgres</c> links to
    /// (PATH often holds links to initdb and postgres only), else in <see cref="BinDirectory"/>.
    /// </summary>
    public string Tool(string name)
    {
        var server = new FileInfo(Path.Combine(BinDirectory, "postgres"));
        var installed = server.Exists ? server.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? server.FullName : server.FullName;
        var beside = Path.Combine(Path.GetDirectoryName(installed)!, name);
        return File.Exists(beside) ? beside : Path.Combine(BinDirectory, name);
    }

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

    /// <summary>
    /// The program and arguments that run PostgreSQL in single-user mode on <paramref name="dataDirectory"/>, connected
    /// to <paramref name="database"/>: statements on its standard input, one per line, no network at all. A failed
    /// statement is not echoed in the output, which a failure's message quotes: a clone's statement holds the password.
    /// </summary>
    public (string Command, string[] Arguments) SingleUserCommand(string dataDirectory, string database) =>
        AsAccount([
            Path.Combine(BinDirectory, "postgres"), "--single", "-D", dataDirectory, "-c", "fsync=off", "-c", "listen_addresses=",
            "-c", "log_min_error_statement=panic", database,
        ]);

    private (string Command, string[] Arguments) AsAccount(string[] command) =>
        Account is null
            ? (command[0], command[1..])
            : (new LocalBinaryLocator().FindOnPath("runuser") ?? "/usr/sbin/runuser", ["-u", Account.UserName!, "--", .. command]);
}
