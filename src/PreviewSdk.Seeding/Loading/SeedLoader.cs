using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PreviewSdk.Seeding.Generation;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// Writes a <see cref="SeedPlan"/> into PostgreSQL: every table by binary COPY in plan order (its sequences moved
/// past the keys written), then the deferred foreign keys that reach into later tables, all in one transaction, so a
/// database sees either the whole seed or none of it.
/// </summary>
/// <remarks>
/// The loader only writes: it reads no data row of any table. (Explicit keys in identity columns need nothing
/// special: COPY FROM takes the given value even for <c>GENERATED ALWAYS AS IDENTITY</c>, which INSERT would
/// refuse without <c>OVERRIDING SYSTEM VALUE</c>; PostgreSQL documents it under CREATE TABLE, and a test proves it
/// on PostgreSQL 15.)
/// </remarks>
public static class SeedLoader
{
    /// <summary>Loads <paramref name="plan"/> through <paramref name="connection"/> and reports what was written.</summary>
    /// <param name="connection">An open connection to the environment's database, not inside a transaction. Check it with <see cref="SeedGuard.CheckAsync"/> first.</param>
    /// <param name="plan">The tables to fill, parents first.</param>
    /// <param name="options">Reset, logging and the file diagnostics point at.</param>
    /// <param name="cancellationToken">Cancels the load; everything written so far is rolled back.</param>
    /// <returns>Rows and time per table.</returns>
    /// <exception cref="SeedLoadException">The database refused a row (<c>PREVIEW4041</c>); nothing was written.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled; nothing was written.</exception>
    public static async Task<SeedReport> LoadAsync(
        NpgsqlConnection connection, SeedPlan plan, SeedLoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);

        var total = Stopwatch.StartNew();
        // What a database error is reported against: a table while it loads, else every table of the plan (the
        // reset truncates them all; deferrable constraints are checked at commit).
        var everyTable = string.Join(", ", plan.Tables.Select(table => table.Table.DisplayName));
        var step = everyTable;
        try
        {
            if (NeedsDatabaseTypes(plan))
            {
                // Npgsql knows enums and domains by name only if they existed when it loaded the database's types;
                // migrations may have created them after this connection's data source did.
                await connection.ReloadTypesAsync(cancellationToken);
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                if (options.Reset)
                {
                    await TableReset.TruncateAsync(connection, plan.Tables.Select(table => table.Table), cancellationToken);
                }

                var triggers = await TriggerRows.PrepareAsync(connection, cancellationToken);
                var loaded = new List<(TablePlan Plan, SeededTable Result, bool SecondPass)>(plan.Tables.Count);
                foreach (var table in plan.Tables)
                {
                    step = table.Table.DisplayName;
                    if (triggers && await TriggerRows.CountAsync(connection, plan, table, options.SourceFile, cancellationToken) is > 0 and var kept)
                    {
                        options.Log?.Invoke(string.Create(
                            CultureInfo.InvariantCulture, $"{table.Table.DisplayName}: {kept:N0} rows written by the database's triggers as the tables before it were seeded; kept, none generated"));
                        loaded.Add((table, new SeededTable(table.Table.DisplayName, kept, TimeSpan.Zero) { ByTriggers = true }, false));
                        continue;
                    }

                    loaded.Add(await LoadTableAsync(connection, table, options, cancellationToken));
                }

                var ordinal = 0;
                for (var i = 0; i < loaded.Count; i++)
                {
                    var (table, result, secondPass) = loaded[i];
                    if (secondPass)
                    {
                        step = table.Table.DisplayName;
                        loaded[i] = (table, await RunDeferredPassAsync(connection, table, result, ordinal++, options, cancellationToken), false);
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                step = everyTable;
                if (options.BeforeCommit is { } beforeCommit)
                {
                    await beforeCommit(connection, cancellationToken);
                }

                await transaction.CommitAsync(CancellationToken.None);
                return new SeedReport(plan.Seed, loaded.Select(entry => entry.Result).ToList(), total.Elapsed);
            }
            catch
            {
                await RollBackAsync(transaction);
                throw;
            }
        }
        catch (NpgsqlException error)
        {
            throw new SeedLoadException(LoadFailure.Create(step, error, options.SourceFile), error);
        }
    }

    private static async Task<(TablePlan Plan, SeededTable Result, bool SecondPass)> LoadTableAsync(
        NpgsqlConnection connection, TablePlan plan, SeedLoadOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (rows, folded) = await TableLoad.RunAsync(connection, plan, cancellationToken);
        var result = new SeededTable(plan.Table.DisplayName, rows, clock.Elapsed) { DeferredRows = folded ?? 0 };
        options.Log?.Invoke(string.Create(
            CultureInfo.InvariantCulture, $"{result.DisplayName}: {rows:N0} rows in {clock.Elapsed.TotalMilliseconds:N0} ms"));
        return (plan, result, plan.DeferredColumns.Count > 0 && folded is null);
    }

    private static async Task<SeededTable> RunDeferredPassAsync(
        NpgsqlConnection connection, TablePlan plan, SeededTable loaded, int ordinal, SeedLoadOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var updated = await DeferredPass.RunAsync(connection, plan, ordinal, cancellationToken);
        var columns = string.Join(", ", plan.DeferredColumns.Select(column => column.Name));
        options.Log?.Invoke(string.Create(
            CultureInfo.InvariantCulture, $"{loaded.DisplayName}: {columns} set on {updated:N0} rows in {clock.Elapsed.TotalMilliseconds:N0} ms"));
        return loaded with { Elapsed = loaded.Elapsed + clock.Elapsed, DeferredRows = updated };
    }

    private static bool NeedsDatabaseTypes(SeedPlan plan) =>
        plan.Tables.Any(table => table.Columns.Concat(table.Key).Concat(table.DeferredColumns)
            .Any(column => ColumnWriter.For(column.Type).NeedsDatabaseTypes));

    /// <summary>
    /// Rolls back, ignoring a connection that broke on the way: PostgreSQL then aborts the transaction itself.
    /// Never cancelled: a rollback left half done would leave the transaction open.
    /// </summary>
    private static async Task RollBackAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone or the transaction already ended; the server has discarded everything.
        }
    }
}
