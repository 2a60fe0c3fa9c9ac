using Npgsql;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>Takes a <see cref="CatalogSnapshot"/> of a database: the catalog, then one aggregate query per table.</summary>
public static class CatalogSnapshotReader
{
    /// <summary>Migration bookkeeping that grows with every migration and is no data of the app.</summary>
    private static readonly HashSet<string> BookkeepingTables = new(["__EFMigrationsHistory", SqlFolderMigrations.HistoryTable], StringComparer.Ordinal);

    // Partitions are counted through their parent; system and temporary schemas hold no app data.
    private const string ColumnsQuery = """
        SELECT c.oid, n.nspname, c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    /// <summary>Reads the snapshot of the database <paramref name="connection"/> is open on.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    public static async Task<CatalogSnapshot> TakeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var shapes = new List<(uint Oid, string Schema, string Name, List<(int Number, string Name, string Type)> Columns)>();
        await using (var command = new NpgsqlCommand(ColumnsQuery, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var oid = reader.GetFieldValue<uint>(0);
                if (shapes.Count == 0 || shapes[^1].Oid != oid)
                {
                    shapes.Add((oid, reader.GetString(1), reader.GetString(2), []));
                }

                shapes[^1].Columns.Add((reader.GetInt16(3), reader.GetString(4), reader.GetString(5)));
            }
        }

        var tables = new List<TableSnapshot>();
        foreach (var shape in shapes.Where(s => !BookkeepingTables.Contains(s.Name)))
        {
            tables.Add(await CountAsync(connection, shape.Oid, shape.Schema, shape.Name, shape.Columns, cancellationToken));
        }

        return new CatalogSnapshot(tables);
    }

    private static async Task<TableSnapshot> CountAsync(
        NpgsqlConnection connection, uint oid, string schema, string name, List<(int Number, string Name, string Type)> columns, CancellationToken cancellationToken)
    {
        var aggregates = columns.SelectMany(column =>
        {
            var quoted = SqlNames.Quote(column.Name);
            return new[] { $"count({quoted})", $"coalesce(sum(length({quoted}::text)), 0)" };
        });
        var sql = $"SELECT {string.Join(", ", new[] { "count(*)" }.Concat(aggregates))} FROM {SqlNames.Quote(schema)}.{SqlNames.Quote(name)}";
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var snapshots = columns
            .Select((column, i) => new ColumnSnapshot(column.Number, column.Name, column.Type, reader.GetInt64(1 + (2 * i)), reader.GetInt64(2 + (2 * i))))
            .ToList();
        return new TableSnapshot(oid, schema, name, reader.GetInt64(0), snapshots);
    }
}
