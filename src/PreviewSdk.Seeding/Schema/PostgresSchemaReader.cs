using System.Data;
using Npgsql;

namespace PreviewSdk.Seeding.Schema;

/// <summary>
/// Reads a live PostgreSQL database's tables, columns, types and constraints into a <see cref="DatabaseSchema"/>.
/// </summary>
/// <remarks>
/// It reads only the system catalogs (<c>pg_catalog</c>) and catalog functions (<c>format_type</c>,
/// <c>pg_get_expr</c>, <c>pg_get_constraintdef</c>), never a row of the application's tables, so it is safe on any
/// database and its cost does not grow with the data. The whole read is one batch of seven queries — one per kind
/// of object, for the whole database — sent in a single round trip.
/// </remarks>
public static partial class PostgresSchemaReader
{
    /// <summary>The schema of the database <paramref name="connection"/> is connected to.</summary>
    /// <param name="connection">A connection; opened (and closed again) here when it is closed.</param>
    /// <param name="options">Which schemas and tables to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<DatabaseSchema> ReadAsync(
        NpgsqlConnection connection,
        SchemaReadOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var opened = connection.State == ConnectionState.Closed;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var snapshot = await ReadCatalogAsync(connection, options, cancellationToken).ConfigureAwait(false);
            return CatalogSchemaBuilder.Build(snapshot);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<CatalogSnapshot> ReadCatalogAsync(NpgsqlConnection connection, SchemaReadOptions options, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in (string[])[TablesQuery, ColumnsQuery, TypesQuery, ConstraintsQuery, UniqueIndexesQuery, PartitionsQuery])
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(TextArray(options.IncludedSchemas));
            command.Parameters.Add(TextArray(options.ExcludedTables));
            batch.BatchCommands.Add(command);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand(DomainChecksQuery));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tables = await ReadAllAsync(reader, row => new CatalogTable(row.GetFieldValue<uint>(0), row.GetString(1), row.GetString(2)), cancellationToken).ConfigureAwait(false);
        var columns = await NextAsync(reader, row => new CatalogColumn(
            row.GetFieldValue<uint>(0),
            row.GetString(1),
            row.GetFieldValue<uint>(2),
            row.GetInt32(3),
            row.GetBoolean(4),
            row.GetChar(5),
            row.GetChar(6),
            row.IsDBNull(7) ? null : row.GetString(7)), cancellationToken).ConfigureAwait(false);
        var types = await NextAsync(reader, row => new CatalogType(
            row.GetFieldValue<uint>(0),
            row.GetInt32(1),
            row.GetString(2),
            row.GetString(3),
            row.GetString(4),
            row.GetChar(5),
            row.GetBoolean(6),
            row.IsDBNull(7) ? null : row.GetFieldValue<uint>(7),
            row.IsDBNull(8) ? null : row.GetInt32(8),
            row.IsDBNull(9) ? null : row.GetFieldValue<uint>(9),
            row.GetFieldValue<string[]>(10)), cancellationToken).ConfigureAwait(false);
        var constraints = await NextAsync(reader, row => new CatalogConstraint(
            row.GetFieldValue<uint>(0),
            row.GetString(1),
            row.GetChar(2),
            row.GetFieldValue<string[]>(3),
            row.IsDBNull(4) ? null : row.GetString(4),
            row.IsDBNull(5) ? null : row.GetString(5),
            row.GetFieldValue<string[]>(6),
            row.IsDBNull(7) ? null : row.GetString(7)), cancellationToken).ConfigureAwait(false);
        var indexes = await NextAsync(reader, row => new CatalogUniqueIndex(
            row.GetFieldValue<uint>(0),
            row.GetString(1),
            row.GetFieldValue<string[]>(2)), cancellationToken).ConfigureAwait(false);
        var partitions = await NextAsync(reader, row => new CatalogPartition(
            row.GetFieldValue<uint>(0),
            row.GetString(1),
            row.IsDBNull(2) ? null : row.GetString(2),
            !row.IsDBNull(3) && row.GetBoolean(3)), cancellationToken).ConfigureAwait(false);
        var domainChecks = await NextAsync(reader, row => new CatalogDomainCheck(
            row.GetFieldValue<uint>(0),
            row.GetString(1),
            row.GetString(2)), cancellationToken).ConfigureAwait(false);
        return new CatalogSnapshot(tables, columns, types, domainChecks, constraints, indexes) { Partitions = partitions };
    }

    private static NpgsqlParameter TextArray(IReadOnlyList<string>? values) => new()
    {
        Value = values is null ? DBNull.Value : values.ToArray(),
        NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text,
    };

    private static async Task<List<T>> NextAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAllAsync(reader, map, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
