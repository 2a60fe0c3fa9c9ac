using System.Diagnostics;
using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Runs;

/// <summary>
/// Seeds one database end to end: reads its schema from the catalog, plans every table, checks the guard, then
/// loads all rows in one transaction. Nothing is written unless every step before the load succeeded, and a load
/// that fails is rolled back whole.
/// </summary>
public static class DatabaseSeeder
{
    /// <summary>Tables PreviewSdk itself keeps in an application database, never seeded.</summary>
    public static IReadOnlyList<string> OwnTables { get; } = [Migrations.SqlFolderMigrations.HistoryTable];

    /// <summary>Seeds the database <paramref name="connection"/> is open on.</summary>
    /// <param name="connection">An open connection to the database to seed.</param>
    /// <param name="request">What to generate and how careful to be.</param>
    /// <param name="cancellationToken">Stops the seeding; the transaction is rolled back.</param>
    public static async Task<SeedRunResult> SeedAsync(NpgsqlConnection connection, SeedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var log = request.Log ?? (_ => { });
        var settings = request.Settings;
        var readOptions = new SchemaReadOptions
        {
            ExcludedTables = [.. SchemaReadOptions.DefaultExcludedTables, .. OwnTables, .. request.ExcludedTables],
        };
        var schema = await PostgresSchemaReader.ReadAsync(connection, readOptions, cancellationToken);
        log($"Schema of '{connection.Database}': {schema.Tables.Count} tables (seed {settings.Seed}, scale {settings.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        if (schema.Tables.Count == 0 && request.ExistingFromManifest)
        {
            // An environment's database without tables after its migrations: never a silent success.
            var empty = new SeedSummary(connection.Database, settings.Seed, [], Stopwatch.GetElapsedTime(started));
            return new SeedRunResult(empty, [DiagnosticFactory.Create(DiagnosticCodes.SeedNoTables, DiagnosticSeverity.Warning,
                SourceLocation.WholeFile(settings.SourceFile), connection.Database, request.SchemaSource ?? "none declared")]);
        }

        var planned = SeedPlanner.Plan(schema, settings);
        if (planned.Plan is not { } plan || planned.Diagnostics.Any(d => d.IsError))
        {
            return new SeedRunResult(null, planned.Diagnostics);
        }

        foreach (var note in plan.Notes)
        {
            log($"Note: {note}");
        }

        // With a policy the guard checks only whose database it is; the policy decides about rows already there.
        var reset = request.Reset;
        var byPolicy = !reset && (request.ExistingFromManifest || request.Existing != ExistingRows.Fail);
        var refusal = await SeedGuard.CheckAsync(
            connection, request.EnvironmentId, plan.Tables.Select(table => table.Table), reset || byPolicy, settings.SourceFile, cancellationToken);
        if (refusal is not null)
        {
            return new SeedRunResult(null, [.. planned.Diagnostics, refusal]);
        }

        if (byPolicy)
        {
            var filled = await SeedGuard.TablesWithRowsAsync(connection, plan.Tables.Select(table => table.Table), cancellationToken);
            if (filled.Count > 0)
            {
                var location = SourceLocation.WholeFile(settings.SourceFile);
                if (request.Existing == ExistingRows.Fail)
                {
                    return new SeedRunResult(null, [.. planned.Diagnostics, DiagnosticFactory.Create(DiagnosticCodes.SeedExistingRowsRefused,
                        location, connection.Database, DiagnosticFactory.NameList(filled))]);
                }

                if (request.Existing == ExistingRows.Keep)
                {
                    var kept = new SeedSummary(connection.Database, settings.Seed, [], Stopwatch.GetElapsedTime(started));
                    return new SeedRunResult(kept, [.. planned.Diagnostics, DiagnosticFactory.Create(DiagnosticCodes.SeedKeptExistingRows,
                        DiagnosticSeverity.Warning, location, connection.Database, DiagnosticFactory.NameList(filled))]);
                }

                log($"The app wrote rows itself into {DiagnosticFactory.NameList(filled)}; they are replaced by the seed (existing: replace).");
                reset = true;
            }
        }

        SeedReport report;
        try
        {
            report = await SeedLoader.LoadAsync(
                connection, plan, new SeedLoadOptions { Reset = reset, Log = log, SourceFile = settings.SourceFile }, cancellationToken);
        }
        catch (SeedLoadException e)
        {
            return new SeedRunResult(null, [.. planned.Diagnostics, e.Diagnostic]);
        }
        catch (SeedGenerationException e)
        {
            // Rows are generated while they are loaded; the load was rolled back.
            return new SeedRunResult(null, [.. planned.Diagnostics, e.Diagnostic]);
        }

        var summary = new SeedSummary(
            connection.Database,
            report.Seed,
            report.Tables.Select(table => new TableRows(table.DisplayName, table.Rows)).ToList(),
            Stopwatch.GetElapsedTime(started));
        return new SeedRunResult(summary, planned.Diagnostics) { Report = Reports.SeedReportMarkdown.Render(connection.Database, plan, report) };
    }
}
