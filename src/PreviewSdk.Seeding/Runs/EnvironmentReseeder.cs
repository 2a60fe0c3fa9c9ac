using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Seeding.Runs;

/// <summary>
/// Seeds the databases of a running environment again (<c>-t:PreviewSeed</c>): empties the seeded tables and
/// generates them anew, optionally with another seed, then updates the environment's links output.
/// </summary>
public sealed class EnvironmentReseeder(IPreviewReporter reporter)
{
    /// <summary>What to seed again.</summary>
    /// <param name="StateRoot">The registry root.</param>
    /// <param name="ProjectPath">The preview project.</param>
    /// <param name="Name">The environment's name.</param>
    /// <param name="Manifest">The result of reading preview.yaml (its <c>seed:</c> entries).</param>
    /// <param name="Seed">A seed replacing preview.yaml's, or null to keep it.</param>
    /// <param name="Database">The one database to seed, or null for every seeded database.</param>
    public sealed record Request(string StateRoot, string ProjectPath, string Name, PreviewManifest Manifest, int? Seed, string? Database);

    /// <summary>Seeds again; returns false after reporting an error.</summary>
    public async Task<bool> ReseedAsync(Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var projectLocation = SourceLocation.WholeFile(request.ProjectPath);
        var entry = new EnvironmentRegistry(request.StateRoot).Find(request.ProjectPath, request.Name);
        if (entry is null || !entry.IsAlive || entry.Ready is null
            || StateJson.TryRead<DatabasesReport>(Path.Combine(entry.Folder, StateFiles.Databases)) is not { } databases)
        {
            reporter.Report(DiagnosticFactory.Create(
                DiagnosticCodes.SeedEnvironmentNotRunning, projectLocation, request.Name, Path.GetFileName(request.ProjectPath)));
            return false;
        }

        var seeded = request.Manifest.Seeds
            .Where(seed => databases.Databases.Any(database => database.Name == seed.Database.Value))
            .ToList();
        var chosen = seeded.Where(seed => request.Database is null || seed.Database.Value == request.Database).ToList();
        if (chosen.Count == 0)
        {
            reporter.Report(DiagnosticFactory.Create(
                DiagnosticCodes.NothingToSeed,
                projectLocation,
                request.Name,
                request.Database is null ? string.Empty : $" '{request.Database}'",
                DiagnosticFactory.NameList(seeded.Select(seed => seed.Database.Value))));
            return false;
        }

        var summaries = new List<SeedSummary>();
        foreach (var seedEntry in chosen)
        {
            var connection = databases.Databases.First(database => database.Name == seedEntry.Database.Value);
            var settings = SeedSettingsFactory.From(seedEntry, entry.Record.Profile, request.Manifest);
            if (request.Seed is { } seed)
            {
                settings = settings with { Seed = seed };
            }

            await using var database = new NpgsqlConnection($"{connection.ConnectionString};Pooling=false;Command Timeout=0");
            await database.OpenAsync(cancellationToken);
            var result = await DatabaseSeeder.SeedAsync(database, new SeedRequest(settings)
            {
                EnvironmentId = entry.Record.EnvironmentId,
                Reset = true,
                ExcludedTables = seedEntry.Exclude.Select(table => table.Value).ToList(),
                Log = reporter.Info,
            }, cancellationToken);
            foreach (var diagnostic in result.Diagnostics)
            {
                reporter.Report(diagnostic);
            }

            if (!result.Succeeded)
            {
                return false;
            }

            summaries.Add(result.Summary!);
            Reports.SeedReportFile.Write(entry.Folder, seedEntry.Database.Value, result.Report!);
            reporter.Info(SeededDatabaseOf(result.Summary!).Describe());
        }

        UpdateLinks(entry, summaries);
        return true;
    }

    // The links say what data the environment holds; after a new seeding they must say it again.
    private static void UpdateLinks(EnvironmentEntry entry, IReadOnlyList<SeedSummary> summaries) =>
        EnvironmentLinks.Update(entry.Folder, links => summaries.Aggregate(links, (updated, summary) => updated.WithData(summary.Database, SeededDatabaseOf(summary))));

    /// <summary>The data row of the links for a seeding.</summary>
    public static SeededDatabase SeededDatabaseOf(SeedSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Database, summary.Seed, summary.Tables.Count, summary.TotalRows);
    }
}
