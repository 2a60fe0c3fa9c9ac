using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Inputs;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// A folder of <c>*.sql</c> migrations: applied in ordinal file name order (<c>001_init.sql</c>,
/// <c>002_orders.sql</c>), each in its own transaction, and recorded in <see cref="HistoryTable"/> so each applies
/// once. The environment applies the folder with <see cref="ApplyAllAsync"/> before seeding; the migration check
/// applies it one file at a time.
/// </summary>
public sealed class SqlFolderMigrations : IMigrationSource
{
    /// <summary>The table that records which files were applied (in the database's default schema).</summary>
    public const string HistoryTable = "__preview_sql_migrations";

    private readonly string folder;
    private readonly SourceLocation location;

    /// <summary>Reads migrations from <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder of <c>*.sql</c> files.</param>
    /// <param name="location">Where preview.yaml names the folder, for diagnostics about the folder as a whole.</param>
    public SqlFolderMigrations(string folder, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(folder);
        this.folder = Path.GetFullPath(folder);
        this.location = location;
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
    /// <exception cref="MigrationCheckException">A file failed (PREVIEW4069); the files before it stay applied.</exception>
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

    private static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlConnection connection, IEnumerable<MigrationInfo> migrations, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, $"CREATE TABLE IF NOT EXISTS {HistoryTable} (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand($"SELECT name FROM {HistoryTable}", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        var now = new List<string>();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Id)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Through the one reader of input files: a regular file of UTF-8 text, at most InputFile.SqlMaxBytes.
            var content = InputFile.Read(migration.FilePath!, InputFile.SqlMaxBytes);
            var sql = content.Text ?? throw new MigrationCheckException(content.Refusal ?? DiagnosticFactory.Create(
                DiagnosticCodes.MigrationFailed, SourceLocation.WholeFile(migration.FilePath!), migration.Id, content.UnreadableReason ?? "the file is gone."));
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using var record = new NpgsqlCommand($"INSERT INTO {HistoryTable} (name) VALUES (@name)", connection, transaction);
                record.Parameters.AddWithValue("name", migration.Id);
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (PostgresException e)
            {
                throw new MigrationCheckException(DiagnosticFactory.Create(
                    DiagnosticCodes.MigrationFailed, SourceLocation.WholeFile(migration.FilePath!), migration.Id, Describe(e)));
            }

            now.Add(migration.Id);
        }

        return now;
    }

    private static string Describe(PostgresException e)
    {
        var text = $"{e.SqlState}: {e.MessageText}";
        return text.EndsWith('.') ? text : text + ".";
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
