using Npgsql;

namespace PreviewSdk.Seeding.MigrationWait;

/// <summary>
/// The EF Core migrations a database holds: the ids in its <c>__EFMigrationsHistory</c> tables, in whatever schema
/// the app put them (<c>MigrationsHistoryTable(…, schema)</c>). A database without one holds none yet.
/// </summary>
internal static class MigrationHistory
{
    private const string HistoryTablesQuery = """
        SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relname = '__EFMigrationsHistory' AND c.relkind IN ('r', 'p')
        """;

    public static async Task<IReadOnlySet<string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand(HistoryTablesQuery, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // EF Core writes the row in the migration's own transaction: a committed id is a committed schema.
            await using var command = new NpgsqlCommand($"SELECT \"MigrationId\" FROM {table}", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        return applied;
    }
}
