using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Planning;

/// <summary>
/// Checks the <c>seed:</c> entries against the rest of preview.yaml: each names a declared database, its
/// migrations come from a known service or existing folder or project, each database is seeded once.
/// </summary>
internal sealed class SeedPlanBuilder(PreviewManifest manifest, DiagnosticBag diagnostics)
{
    private readonly string manifestFolder = Path.GetDirectoryName(Path.GetFullPath(manifest.Path))!;

    public IReadOnlyList<DatabaseSeedPlan> Build(IReadOnlySet<string> serviceNames)
    {
        var servers = manifest.Dependencies
            .SelectMany(d => d.Databases.Select(database => (Database: database.Value, Server: d.Name.Value)))
            .GroupBy(pair => pair.Database, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Server, StringComparer.Ordinal);
        var seeds = new List<DatabaseSeedPlan>();
        foreach (var entry in manifest.Seeds)
        {
            if (!servers.TryGetValue(entry.Database.Value, out var server))
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownSeedDatabase,
                    entry.Database.Location,
                    entry.Database.Value,
                    DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(entry.Database.Value, servers.Keys.ToList())),
                    DiagnosticFactory.NameList(servers.Keys));
                continue;
            }

            SeedVolumeCheck.Report(manifest, entry, server, diagnostics);
            var migrations = entry.Migrations;
            seeds.Add(new DatabaseSeedPlan(
                entry.Database.Value,
                server,
                CheckService(migrations?.Service, serviceNames, entry.Database.Value),
                CheckPath(migrations?.Sql, Directory.Exists, "sql"),
                CheckPath(migrations?.EfCore, IsProject, "efcore"),
                CheckPath(migrations?.StartupProject, IsProject, "startup")));
            if (migrations is { Service: not null, Sql: not null })
            {
                diagnostics.Error(DiagnosticCodes.ConflictingMigrations, migrations.Location, entry.Database.Value);
            }
        }

        return seeds;
    }

    private string? CheckService(Located<string>? service, IReadOnlySet<string> serviceNames, string database)
    {
        if (service is not { } name)
        {
            return null;
        }

        if (!serviceNames.Contains(name.Value))
        {
            diagnostics.Error(
                DiagnosticCodes.UnknownMigrationsService,
                name.Location,
                name.Value,
                database,
                DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(name.Value, serviceNames.ToList())),
                DiagnosticFactory.NameList(serviceNames.Order(StringComparer.Ordinal)));
            return null;
        }

        return name.Value;
    }

    private string? CheckPath(Located<string>? path, Func<string, bool> exists, string key)
    {
        if (path is not { } relative)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(manifestFolder, relative.Value));
        if (!exists(full))
        {
            diagnostics.Error(DiagnosticCodes.SeedPathNotFound, relative.Location, key, relative.Value, full);
            return null;
        }

        return full;
    }

    /// <summary>A project file, or a folder holding exactly one (<c>../Shop.Data</c> is enough).</summary>
    private static bool IsProject(string path) =>
        File.Exists(path) || (Directory.Exists(path) && Directory.GetFiles(path, "*.csproj").Length == 1);
}
