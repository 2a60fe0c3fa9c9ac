using Npgsql;

namespace PreviewSdk.Seeding.Templates;

/// <summary>
/// Captures every row of a database from inside the seeding's transaction, just before it commits: it first locks
/// every table against writers (<c>SHARE</c>: readers go on), so what it copies is exactly what the commit makes
/// visible, whatever the app's services write right after. The copies are binary COPY files (the values' own bytes).
/// A capture that cannot lock in time or fails is undone to a savepoint and reported as null: the seeding commits
/// as it would have, only without a template.
/// </summary>
public static class TemplateRowsCapture
{
    private const string Savepoint = "previewsdk_template_capture";

    private const string TablesQuery = """
        SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname),
               array(SELECT quote_ident(a.attname) FROM pg_catalog.pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                     ORDER BY a.attnum)
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND c.relpersistence <> 't'
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
        ORDER BY 1
        """;

    private const string SequencesQuery = """
        SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'S' AND c.relpersistence <> 't'
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
        ORDER BY 1
        """;

    /// <summary>How long the capture waits for a writer of the app to finish before it gives the template up.</summary>
    public static TimeSpan LockTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Copies every table and sequence of the connection's database into <paramref name="folder"/>.</summary>
    /// <param name="connection">The seeding's connection, inside its transaction.</param>
    /// <param name="folder">Where the COPY files go; created when missing.</param>
    /// <param name="log">Receives why a capture was given up.</param>
    /// <param name="cancellationToken">Stops the capture (and with it the seeding).</param>
    public static async Task<TemplateRows?> CaptureAsync(NpgsqlConnection connection, string folder, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(folder);
        await ExecuteAsync(connection, $"SAVEPOINT {Savepoint}", cancellationToken);
        try
        {
            var tables = await ReadTablesAsync(connection, cancellationToken);
            await ExecuteAsync(connection, $"SET LOCAL lock_timeout = {(int)LockTimeout.TotalMilliseconds}", cancellationToken);
            if (tables.Count > 0)
            {
                await ExecuteAsync(connection, $"LOCK TABLE {string.Join(", ", tables.Select(t => t.Table))} IN SHARE MODE", cancellationToken);
            }

            var captured = new List<CapturedTable>(tables.Count);
            foreach (var (table, columns) in tables)
            {
                var file = Path.Combine(Path.GetFullPath(folder), $"{captured.Count:D5}.copy");
                if (columns.Count > 0)
                {
                    await using var output = File.Create(file);
                    await using var copy = await connection.BeginRawBinaryCopyAsync(
                        $"COPY {table} ({string.Join(", ", columns)}) TO STDOUT (FORMAT binary)", cancellationToken);
                    await copy.CopyToAsync(output, cancellationToken);
                }

                captured.Add(new CapturedTable(table, columns, file));
            }

            var sequences = new List<CapturedSequence>();
            foreach (var sequence in await ReadNamesAsync(connection, SequencesQuery, cancellationToken))
            {
                await using var command = new NpgsqlCommand($"SELECT last_value, is_called FROM {sequence}", connection);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                sequences.Add(new CapturedSequence(sequence, reader.GetInt64(0), reader.GetBoolean(1)));
            }

            await ExecuteAsync(connection, $"RELEASE SAVEPOINT {Savepoint}", cancellationToken);
            return new TemplateRows(captured, sequences);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or UnauthorizedAccessException)
        {
            // A lock timeout or deadlock with the app: the seeding's rows stay, the template is given up.
            await ExecuteAsync(connection, $"ROLLBACK TO SAVEPOINT {Savepoint}", CancellationToken.None);
            log($"No template this time: capturing the rows failed ({e.Message.Trim()}).");
            return null;
        }
    }

    private static async Task<List<(string Table, IReadOnlyList<string> Columns)>> ReadTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = new List<(string, IReadOnlyList<string>)>();
        await using var command = new NpgsqlCommand(TablesQuery, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add((reader.GetString(0), reader.GetFieldValue<string[]>(1)));
        }

        return tables;
    }

    private static async Task<List<string>> ReadNamesAsync(NpgsqlConnection connection, string query, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
