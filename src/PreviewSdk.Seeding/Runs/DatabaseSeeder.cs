using System.Diagnostics;
using Npgsql;
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

        var planned = SeedPlanner.Plan(schema, settings);
        if (planned.Plan is not { } plan || planned.Diagnostics.Any(d => d.IsError))
        {
            return new SeedRunResult(null, planned.Diagnostics);
        }

        foreach (var note in plan.Notes)
        {
            log($"Note: {note}");
        }

        var refusal = await SeedGuard.CheckAsync(
            connection, request.EnvironmentId, plan.Tables.Select(table => table.Table), request.Reset, settings.SourceFile, cancellationToken);
        if (refusal is not null)
        {
            return new SeedRunResult(null, [.. planned.Diagnostics, refusal]);
        }

        SeedReport report;
        try
        {
            report = await SeedLoader.LoadAsync(
                connection, plan, new SeedLoadOptions { Reset = request.Reset, Log = log, SourceFile = settings.SourceFile }, cancellationToken);
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
