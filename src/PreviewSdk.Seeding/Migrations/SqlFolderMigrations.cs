using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Inputs;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// A folder of <c>*.sql</c> migrations: applied in ordinal file name order (<c>001_init.sql</c>,
/// <c>002_orders.sql</c>), each as psql would run it (see <see cref="SqlScriptRunner"/>: in one transaction unless the
/// file controls its own), and recorded in <see cref="HistoryTable"/> so each applies once. The environment applies the folder with <see cref="ApplyAllAsync"/> before seeding; the migration check
/// applies it one file at a time.
/// </summary>
public sealed class SqlFolderMigrations : IMigrationSource
{
    /// <summary>The table that records which files were applied, in the <c>public</c> schema.</summary>
    public const string HistoryTable = "__preview_sql_migrations";

    // Schema-qualified everywhere: a migration may change search_path (every pg_dump sets it to '').
    private const string QualifiedHistoryTable = "public." + HistoryTable;

    private readonly string folder;
    private readonly SourceLocation location;
    private readonly string target;
    private readonly Action<string>? log;

    /// <summary>Reads migrations from <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder of <c>*.sql</c> files.</param>
    /// <param name="location">Where preview.yaml names the folder, for diagnostics about the folder as a whole.</param>
    /// <param name="target">What the files migrate, for messages: <c>the database 'shopdb'</c> (the default: the scratch database of the migration check).</param>
    /// <param name="log">Receives notes such as roles created for the files.</param>
    public SqlFolderMigrations(string folder, SourceLocation location, string target = "the scratch database", Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(target);
        this.folder = Path.GetFullPath(folder);
        this.location = location;
        this.target = target;
        this.log = log;
    }

    /// <inheritdoc />
    public string Description => $"the SQL folder {folder}";

    /// <inheritdoc />
    public Task<IReadOnlyList<MigrationInfo>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MigrationInfo>>(List());

    /// <inheritdoc />
    public async Task ApplyAsync(string connectionString, MigrationInfo migration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var all = List();
        var last = all.FindIndex(m => m.Id == migration.Id);
        await ApplyAsync(connection, all.Take(last + 1), cancellationToken);
    }

    /// <summary>Applies every file not applied yet, in order; returns the file names applied now.</summary>
    /// <param name="connection">An open connection to the database to migrate.</param>
    /// <param name="cancellationToken">Stops before the next file; the file being applied is rolled back.</param>
    /// <exception cref="MigrationCheckException">A file failed (PREVIEW4069, with its line); the files before it stay applied.</exception>
    public Task<IReadOnlyList<string>> ApplyAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return ApplyAsync(connection, List(), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> IdsAtGitRefAsync(string gitRef, CancellationToken cancellationToken)
    {
        var files = await GitRefFiles.ListAsync(folder, gitRef, location, cancellationToken);
        return files.Where(IsMigrationFile).ToHashSet(StringComparer.Ordinal);
    }

    private List<MigrationInfo> List() =>
        Directory.GetFiles(folder, "*.sql")
            .Select(Path.GetFileName)
            .Where(name => IsMigrationFile(name!))
            .Order(StringComparer.Ordinal)
            .Select(name => new MigrationInfo(name!, Path.GetFileNameWithoutExtension(name!), Path.Combine(folder, name!)))
            .ToList();

    // Only files directly in the folder count: ls-tree lists sub-folders' files with a '/'.
    private static bool IsMigrationFile(string name) =>
        name.EndsWith(".sql", StringComparison.Ordinal) && !name.Contains('/', StringComparison.Ordinal);

    private async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlConnection connection, IEnumerable<MigrationInfo> migrations, CancellationToken cancellationToken)
    {
        // The table is made only when a file is recorded, after the file ran: a dump of an environment's database
        // creates it itself, and must not find it there already.
        var applied = new HashSet<string>(StringComparer.Ordinal);
        if (await TableExistsAsync(connection, cancellationToken))
        {
            await using var read = new NpgsqlCommand($"SELECT name FROM {QualifiedHistoryTable}", connection);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        var now = new List<string>();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Id)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await SqlScriptRunner.RunAsync(connection, migration.FilePath!, target, async () =>
            {
                await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {QualifiedHistoryTable} (name pg_catalog.text PRIMARY KEY, applied_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now())", cancellationToken);
                await using var record = new NpgsqlCommand($"INSERT INTO {QualifiedHistoryTable} (name) VALUES ($1)", connection);
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Id });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);
            foreach (var role in outcome.CreatedRoles)
            {
                log?.Invoke($"{migration.Id} names the role '{role}', which the server did not have: created it (NOLOGIN).");
            }

            now.Add(migration.Id);
        }

        return now;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand($"SELECT pg_catalog.to_regclass('{QualifiedHistoryTable}') IS NOT NULL", connection);
        return (bool)(await exists.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
