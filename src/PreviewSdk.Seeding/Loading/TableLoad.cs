using Npgsql;
using PreviewSdk.Seeding.Generation;

namespace PreviewSdk.Seeding.Loading;

/// <summary>The first pass over one table: its rows by binary COPY, then its sequences moved past the keys written.</summary>
internal static class TableLoad
{
    private const string Savepoint = "previewsdk_fold";

    /// <summary>What the first pass wrote.</summary>
    /// <param name="Rows">The rows COPY wrote.</param>
    /// <param name="FoldedRows">The rows whose deferred values went into the COPY already, or null when the second pass must set them.</param>
    public readonly record struct Result(long Rows, long? FoldedRows);

    /// <summary>Loads <paramref name="plan"/>'s rows, folding self-references into the COPY where the plan allows it.</summary>
    public static async Task<Result> RunAsync(NpgsqlConnection connection, TablePlan plan, CancellationToken cancellationToken)
    {
        if (plan.Columns.Count == 0 && plan.Computed.Count == 0)
        {
            return new Result(await InsertDefaultRowsAsync(connection, plan, cancellationToken), FoldedRows: null);
        }

        if (SelfReferenceFold.TryCreate(plan) is { } fold)
        {
            // A savepoint lets a fold whose deferred rows did not line up be undone without losing the tables
            // loaded before; it costs one round trip.
            await ExecuteAsync(connection, $"SAVEPOINT {Savepoint}", cancellationToken);
            var keys = WrittenKeys.For(fold.Columns);
            var rows = await CopyAsync(connection, plan, fold.Columns, fold.Rows(), keys.Any ? keys.Observe : null, cancellationToken);
            if (fold.Complete)
            {
                await ExecuteAsync(connection, $"RELEASE SAVEPOINT {Savepoint}", cancellationToken);
                await AdvanceSequencesAsync(connection, plan, keys, cancellationToken);
                return new Result(rows, fold.Merged);
            }

            await ExecuteAsync(connection, $"ROLLBACK TO SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint}", cancellationToken);
        }

        var written = WrittenKeys.For(plan.Columns);
        var copied = await CopyAsync(connection, plan, plan.Columns, plan.Rows(), written.Any ? written.Observe : null, cancellationToken);
        await AdvanceSequencesAsync(connection, plan, written, cancellationToken);
        return new Result(copied, FoldedRows: null);
    }

    // Straight into the table by binary COPY, unless some values need PostgreSQL to cast or compute them.
    private static Task<long> CopyAsync(
        NpgsqlConnection connection, TablePlan plan, IReadOnlyList<Schema.ColumnSchema> columns, IEnumerable<object?[]> rows, Action<object?[]>? observe, CancellationToken cancellationToken) =>
        StagedCopy.IsNeeded(columns, plan.Computed)
            ? StagedCopy.CopyAsync(connection, plan.Table, columns, plan.Computed, rows, observe, cancellationToken)
            : BinaryCopy.CopyAsync(connection, plan.Table.QualifiedName, columns, rows, observe, cancellationToken);

    private static Task AdvanceSequencesAsync(NpgsqlConnection connection, TablePlan plan, WrittenKeys keys, CancellationToken cancellationToken) =>
        keys.Any ? SequenceAdvance.AdvanceAsync(connection, plan.Table, keys, cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// A table whose every column the database fills (defaults, identity): COPY needs at least one column, so one
    /// INSERT makes as many default rows as the plan yields.
    /// </summary>
    private static async Task<long> InsertDefaultRowsAsync(NpgsqlConnection connection, TablePlan plan, CancellationToken cancellationToken)
    {
        var count = plan.Rows().LongCount();
        if (count == 0)
        {
            return 0;
        }

        await using var command = new NpgsqlCommand(
            $"INSERT INTO {plan.Table.QualifiedName} SELECT FROM pg_catalog.generate_series(1::bigint, $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = count });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
