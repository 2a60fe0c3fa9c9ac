using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// Loads a table whose rows PostgreSQL must finish: columns in a text form that binary COPY has no writer for
/// (tsvector, ranges, geometry, bit strings, xml, types the seeder does not know) and columns computed by an
/// <c>expression:</c> override. The generated values go by binary COPY into a temporary table (text-form columns as
/// <c>text</c>), then into the table with one <c>INSERT … SELECT</c> that casts them and evaluates the expressions
/// per row, with the row's generated columns in scope. Tables without such columns never come here: they pay
/// nothing for it.
/// </summary>
internal static class StagedCopy
{
    private const string Stage = "previewsdk_stage";

    /// <summary>True when <paramref name="columns"/> or <paramref name="computed"/> need the staging table.</summary>
    public static bool IsNeeded(IReadOnlyList<ColumnSchema> columns, IReadOnlyList<ComputedColumn> computed) =>
        computed.Count > 0 || columns.Any(column => column.Type.IsTextForm);

    /// <summary>Copies <paramref name="rows"/> into <paramref name="table"/> through the staging table; returns the rows inserted.</summary>
    public static async Task<long> CopyAsync(
        NpgsqlConnection connection,
        TableSchema table,
        IReadOnlyList<ColumnSchema> columns,
        IReadOnlyList<ComputedColumn> computed,
        IEnumerable<object?[]> rows,
        Action<object?[]>? observe,
        CancellationToken cancellationToken)
    {
        var stage = SqlNames.Quote(Stage);
        string source;
        if (columns.Count == 0)
        {
            // Every written value is computed: one row per generated (empty) row, numbered.
            var count = rows.LongCount();
            source = $"pg_catalog.generate_series(1::bigint, {count}) AS {stage}";
        }
        else
        {
            // CREATE TABLE AS … WITH NO DATA copies the exact types (domains and enums too) and reads no row.
            var staged = string.Join(", ", columns.Select(column => column.Type.IsTextForm
                ? $"NULL::pg_catalog.text AS {SqlNames.Quote(column.Name)}"
                : SqlNames.Quote(column.Name)));
            await ExecuteAsync(connection, $"CREATE TEMPORARY TABLE {stage} ON COMMIT DROP AS SELECT {staged} FROM {table.QualifiedName} WITH NO DATA", cancellationToken);
            await BinaryCopy.CopyAsync(connection, stage, columns, rows, observe, cancellationToken);
            source = stage;
        }

        var targets = columns.Select(column => column.Name).Concat(computed.Select(column => column.Column.Name)).Select(SqlNames.Quote);
        var values = columns.Select(column => column.Type.IsTextForm
                ? $"CAST({stage}.{SqlNames.Quote(column.Name)} AS {column.Type.SqlName ?? column.Type.Name})"
                : $"{stage}.{SqlNames.Quote(column.Name)}")
            .Concat(computed.Select(column => $"({column.Expression})"));
        // OVERRIDING SYSTEM VALUE: identity columns take the generated keys, as COPY lets them.
        int inserted;
        try
        {
            inserted = await ExecuteAsync(
                connection,
                $"INSERT INTO {table.QualifiedName} ({string.Join(", ", targets)}) OVERRIDING SYSTEM VALUE SELECT {string.Join(", ", values)} FROM {source}",
                cancellationToken);
        }
        catch (PostgresException error) when (computed.Count > 0 && IsAboutTheExpression(error))
        {
            var names = string.Join(", ", computed.Select(column => $"{table.DisplayName}.{column.Column.Name}"));
            var expressions = string.Join("; ", computed.Select(column => column.Expression));
            throw new SeedLoadException(
                DiagnosticFactory.Create(
                    DiagnosticCodes.SeedExpressionFailed, computed[0].Location ?? SourceLocation.WholeFile(string.Empty), names, expressions,
                    $"{error.SqlState}: {error.MessageText}"),
                error);
        }
        if (columns.Count > 0)
        {
            await ExecuteAsync(connection, $"DROP TABLE {stage}", cancellationToken);
        }

        return inserted;
    }

    // Syntax, names and types (class 42) and data exceptions (22: a cast, a division by zero) point at the
    // expression; a constraint the rows break is the load's error like any other.
    private static bool IsAboutTheExpression(PostgresException error) =>
        error.SqlState.StartsWith("42", StringComparison.Ordinal) || error.SqlState.StartsWith("22", StringComparison.Ordinal);

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
