using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// Keeps the seeder to the one database it may write into: the one PreviewSdk created for the environment, marked
/// by <see cref="MarkAsync"/> with the environment's id. Safe and PII-free by construction: the seeder never reads
/// a data row of any database. It looks at the catalog (the database's comment) and asks PostgreSQL
/// <c>SELECT EXISTS (SELECT 1 FROM table)</c>, which answers true or false and returns no row data; the loader
/// only writes.
/// </summary>
public static class SeedGuard
{
    /// <summary>The start of the database comment that marks an environment's database; the environment id follows.</summary>
    public const string MarkerPrefix = "previewsdk:environment=";

    /// <summary>
    /// Marks the connection's current database as the database of <paramref name="environmentId"/>
    /// (<c>COMMENT ON DATABASE … IS 'previewsdk:environment=&lt;id&gt;'</c>). The hosting layer calls it right after
    /// it creates the environment's database; nothing else does, so a database someone pointed the seeder at by
    /// mistake carries no marker.
    /// </summary>
    /// <param name="connection">An open connection to the new database, as its owner.</param>
    /// <param name="environmentId">The environment's id: letters, digits and <c>. _ - :</c> only.</param>
    /// <param name="cancellationToken">Cancels the statement.</param>
    /// <exception cref="ArgumentException">The id is empty or holds other characters.</exception>
    public static async Task MarkAsync(NpgsqlConnection connection, string environmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // COMMENT takes no parameters; restricting the id keeps the literal below safe without escaping rules.
        if (string.IsNullOrEmpty(environmentId) || !environmentId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':'))
        {
            throw new ArgumentException($"'{environmentId}' is not a valid environment id: use letters, digits and . _ - : only.", nameof(environmentId));
        }

        var (database, _) = await ReadMarkerAsync(connection, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"COMMENT ON DATABASE {SqlNames.Quote(database)} IS '{MarkerPrefix}{environmentId}'", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the seeder may write into the connection's database: null when it may, else the coded error.
    /// Refuses a database without <paramref name="environmentId"/>'s marker (<c>PREVIEW4040</c>, or <c>PREVIEW4042</c>
    /// when it carries another environment's), and, unless <paramref name="reset"/>, tables that already hold rows
    /// (<c>PREVIEW4043</c>). Reads only the catalog and one boolean per table, never a row.
    /// </summary>
    /// <param name="connection">An open connection to the database to seed.</param>
    /// <param name="environmentId">The environment the seed is for.</param>
    /// <param name="tables">The tables the seed fills.</param>
    /// <param name="reset">The seed empties the tables first, so rows in them are no reason to refuse.</param>
    /// <param name="sourceFile">The file the diagnostic points at (preview.yaml).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<PreviewDiagnostic?> CheckAsync(
        NpgsqlConnection connection,
        string environmentId,
        IEnumerable<TableSchema> tables,
        bool reset,
        string sourceFile,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(environmentId);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(sourceFile);

        var location = SourceLocation.WholeFile(sourceFile);
        var (database, comment) = await ReadMarkerAsync(connection, cancellationToken);
        if (comment is null || !comment.StartsWith(MarkerPrefix, StringComparison.Ordinal))
        {
            return DiagnosticFactory.Create(DiagnosticCodes.SeedDatabaseNotMarked, location, database, environmentId);
        }

        var marked = comment[MarkerPrefix.Length..];
        if (!string.Equals(marked, environmentId, StringComparison.Ordinal))
        {
            return DiagnosticFactory.Create(DiagnosticCodes.SeedDatabaseOfAnotherEnvironment, location, database, environmentId, marked);
        }

        if (reset)
        {
            return null;
        }

        var filled = await TablesWithRowsAsync(connection, tables, cancellationToken);
        return filled.Count == 0
            ? null
            : DiagnosticFactory.Create(DiagnosticCodes.SeedTablesNotEmpty, location, database, DiagnosticFactory.NameList(filled));
    }

    private static async Task<(string Database, string? Comment)> ReadMarkerAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT d.datname, pg_catalog.shobj_description(d.oid, 'pg_database') FROM pg_catalog.pg_database d WHERE d.datname = current_database()",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0), await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetString(1));
    }

    /// <summary>The display names of the tables that hold at least one row, asked as one boolean per table, never reading a row.</summary>
    public static async Task<List<string>> TablesWithRowsAsync(
        NpgsqlConnection connection, IEnumerable<TableSchema> tables, CancellationToken cancellationToken)
    {
        var asked = tables.DistinctBy(table => table.QualifiedName).ToList();
        var filled = new List<string>();
        if (asked.Count == 0)
        {
            return filled;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var table in asked)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT EXISTS (SELECT 1 FROM {table.QualifiedName})"));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var table in asked)
        {
            await reader.ReadAsync(cancellationToken);
            if (reader.GetBoolean(0))
            {
                filled.Add(table.DisplayName);
            }

            await reader.NextResultAsync(cancellationToken);
        }

        return filled;
    }
}
