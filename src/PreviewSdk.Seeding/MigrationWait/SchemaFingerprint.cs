using Npgsql;

namespace PreviewSdk.Seeding.MigrationWait;

/// <summary>
/// A digest of a database's user schema (tables, columns and their types, constraints, indexes), from the catalog
/// alone: equal digests a moment apart mean nobody is migrating.
/// </summary>
internal static class SchemaFingerprint
{
    private const string Query = """
        SELECT count(*) FILTER (WHERE c.relkind IN ('r', 'p')),
               md5(coalesce(string_agg(n.nspname || '.' || c.relname || ':' || c.relkind::text || ':' || coalesce(a.attributes, '') || ':' || coalesce(k.constraints, ''), '|' ORDER BY n.nspname, c.relname), ''))
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN LATERAL (
            SELECT string_agg(attname || ' ' || atttypid::text || ' ' || attnotnull::text, ',' ORDER BY attnum) AS attributes
            FROM pg_catalog.pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped) a ON true
        LEFT JOIN LATERAL (
            SELECT string_agg(conname, ',' ORDER BY conname) AS constraints
            FROM pg_catalog.pg_constraint WHERE conrelid = c.oid) k ON true
        WHERE c.relkind IN ('r', 'p', 'i', 'S', 'v', 'm')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
        """;

    /// <summary>The number of user tables and the digest of the whole user schema.</summary>
    public static async Task<(long Tables, string Digest)> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetString(1));
    }
}
