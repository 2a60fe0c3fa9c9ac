using Npgsql;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// The second pass: fills the foreign keys that COPY wrote NULL (self-references and cycles) once every table holds
/// its rows. The values go by binary COPY into a temporary table and then into the table with one
/// <c>UPDATE … FROM</c>, rather than one UPDATE per row.
/// </summary>
internal static class DeferredPass
{
    /// <summary>Sets the deferred columns of <paramref name="plan"/>'s rows and returns how many rows were updated.</summary>
    /// <param name="connection">The open connection, inside the load's transaction.</param>
    /// <param name="plan">A table plan with deferred columns.</param>
    /// <param name="ordinal">A number unique within the transaction, for the temporary table's name.</param>
    /// <param name="cancellationToken">Cancels the pass; the caller rolls back.</param>
    public static async Task<long> RunAsync(NpgsqlConnection connection, TablePlan plan, int ordinal, CancellationToken cancellationToken)
    {
        if (plan.Key.Count == 0)
        {
            throw new InvalidOperationException(
                $"The seed plan defers columns of {plan.Table.DisplayName} but gives no key to find its rows by: a bug in the seed plan.");
        }

        IReadOnlyList<ColumnSchema> columns = [.. plan.Key, .. plan.DeferredColumns];
        var staging = SqlNames.Quote($"previewsdk_deferred_{ordinal}");
        var selected = string.Join(", ", columns.Select(column => SqlNames.Quote(column.Name)));

        // CREATE TABLE AS … WITH NO DATA copies the column types exactly (domains and enums included) and reads no
        // row. ON COMMIT DROP: nothing is left behind, and a rollback drops it too.
        await ExecuteAsync(
            connection,
            $"CREATE TEMPORARY TABLE {staging} ON COMMIT DROP AS SELECT {selected} FROM {plan.Table.QualifiedName} WITH NO DATA",
            cancellationToken);
        await BinaryCopy.CopyAsync(connection, staging, columns, plan.DeferredRows(), observe: null, cancellationToken);

        // No ANALYZE: the planner sizes a never-analyzed table by its pages on disk, which is exact here; at
        // 200,000 rows it picks the same hash join either way.
        var assignments = string.Join(", ", plan.DeferredColumns.Select(column =>
            $"{SqlNames.Quote(column.Name)} = source.{SqlNames.Quote(column.Name)}"));
        var match = string.Join(" AND ", plan.Key.Select(column =>
            $"target.{SqlNames.Quote(column.Name)} = source.{SqlNames.Quote(column.Name)}"));
        return await ExecuteAsync(
            connection,
            $"UPDATE {plan.Table.QualifiedName} AS target SET {assignments} FROM {staging} AS source WHERE {match}",
            cancellationToken);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
