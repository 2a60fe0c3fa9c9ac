using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Manifest;

namespace Aspire.Hosting;

/// <summary>
/// Which services' code makes a seeded database's schema, for its template's key. With <c>sql:</c> PreviewSdk
/// applies the files itself, and with <c>service:</c> and <c>efcore:</c> the service applies that project's
/// migrations: the key covers those files, and no code. Otherwise the schema is whatever a service's code makes of
/// the database (<c>EnsureCreated</c>, scripts embedded in its assembly, its own SQL): the migrating service's
/// (<c>service:</c> without <c>efcore:</c>), or, without a migrating service, every service that <c>uses:</c> the
/// database or its server. The key must then cover that code: a clone holds the old schema, and an app that creates
/// its schema only when the database is new (<c>EnsureCreated</c>) would keep it.
/// </summary>
internal static class SchemaCode
{
    /// <summary>The services whose code makes the schema of <paramref name="seed"/>'s database, in ordinal order; empty when files say it.</summary>
    public static IReadOnlyList<string> ServicesOf(PreviewSeedResource seed, PreviewManifest manifest)
    {
        var migrations = seed.Entry.Migrations;
        if (migrations?.Sql is not null)
        {
            return [];
        }

        if (migrations?.Service is { } service)
        {
            return migrations.EfCore is null ? [service.Value] : [];
        }

        return manifest.Services
            .Where(entry => entry.Uses.Any(used => used.Value == seed.DatabaseName || used.Value == seed.ServerName))
            .Select(entry => entry.Name.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Each of <paramref name="services"/> with its project file, from the app model. A service that is no project
    /// of the model (a container built from one, or not in this app host) has none: its code cannot be keyed.
    /// </summary>
    public static IReadOnlyList<(string Service, string? ProjectFile)> ProjectsOf(IEnumerable<string> services, DistributedApplicationModel model) =>
        services.Select(service => (service, model.Resources.OfType<ProjectResource>()
                .FirstOrDefault(resource => resource.Name == service)?.GetProjectMetadata().ProjectPath))
            .ToList();
}
