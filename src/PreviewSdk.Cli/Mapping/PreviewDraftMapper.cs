using PreviewSdk.Cli.AppHosts;
using PreviewSdk.Core.EfCore;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Cli.Mapping;

/// <summary>
/// Maps an app host's model to a preview: PostgreSQL servers and their databases and Redis servers to dependencies,
/// projects to services named as the app host names them (their callers' service discovery and connection names),
/// references to <c>uses</c>, HTTP/2-only endpoints to <c>protocol: http2</c>, and each database to a <c>seed:</c>
/// entry that waits for the service migrating it and its EF Core project, with the tables of its model snapshot.
/// </summary>
internal static class PreviewDraftMapper
{
    private const string MigratorWord = "migrat";

    public static PreviewDraft Map(AppModel model, string appName, Func<string, ProjectFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(facts);
        var review = new List<string>();
        var dependencies = model.Postgres.Select(server => new DependencyDraft(Name(server.Name), "postgres", server.Databases.Select(Name).ToList()))
            .Concat(model.Redis.Select(server => new DependencyDraft(Name(server), "redis", [])))
            .ToList();
        var known = dependencies.SelectMany(d => d.Databases.Append(d.Name)).Concat(model.Projects.Select(p => Name(p.Name))).ToHashSet(StringComparer.Ordinal);

        var projectFacts = model.Projects.ToDictionary(project => project.Name, project => facts(project.ProjectPath), StringComparer.Ordinal);
        var services = model.Projects.Select(project =>
        {
            var fact = projectFacts[project.Name];
            var uses = project.References.Select(Name).Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();
            var http2 = project.Http2Only || fact.Http2Only;
            return new ServiceDraft(Name(project.Name), project.ProjectPath, uses, http2 && project.HasHttpBinding,
                http2 && project.HasHttpBinding ? "HTTP/2 only (gRPC): its health check speaks HTTP/2" : null);
        }).ToList();

        foreach (var resource in model.Unmapped)
        {
            review.Add($"'{resource.Name}' ({resource.Type}{(resource.Image is null ? string.Empty : $", {resource.Image}")}) is not mapped: preview environments run PostgreSQL, Redis and .NET projects only; services that use it get no connection to it.");
        }

        var seeds = dependencies.Where(d => d.Type == "postgres").SelectMany(d => d.Databases)
            .Select(database => SeedOf(database, services, projectFacts, model, review))
            .ToList();
        return new PreviewDraft(appName, dependencies, services, seeds, review);
    }

    /// <summary>The preview name of an app host resource: lowercase (configuration keys are case-insensitive, so callers still find it).</summary>
    public static string Name(string resourceName) => ResourceName.Normalize(resourceName);

    private static SeedDraft SeedOf(string database, IReadOnlyList<ServiceDraft> services, Dictionary<string, ProjectFacts> facts, AppModel model, List<string> review)
    {
        var users = services.Where(service => service.Uses.Contains(database, StringComparer.Ordinal)).ToList();
        var byName = model.Projects.ToDictionary(p => Name(p.Name), p => facts[p.Name], StringComparer.Ordinal);
        var (migrator, reason) = FindMigrator(users, byName);
        var efCore = migrator is not null ? byName[migrator.Name].EfCoreProject : users.Select(u => byName[u.Name].EfCoreProject).FirstOrDefault(p => p is not null);
        var tables = efCore is null ? [] : EfCoreProjectSource.Read(efCore).SnapshotTables;
        if (migrator is null)
        {
            review.Add($"No service of '{database}' looks like it migrates it: its seed: entry has no migrations:, so seeding starts as soon as the database exists. Name the service that migrates it (migrations: service:), or give SQL files (migrations: sql:).");
        }
        else if (efCore is null)
        {
            review.Add($"'{migrator.Name}' migrates '{database}' (assumed: {reason}), but no EF Core project with a model snapshot was found among its references: seeding waits until the schema stops changing. Add migrations: efcore: <project> for an exact wait.");
        }

        if (tables.Count == 0)
        {
            review.Add($"No tables of '{database}' were found in an EF Core model snapshot: every table is seeded with the default row count; list tables under seed.{database}.tables to size them.");
        }

        return new SeedDraft(database, migrator?.Name, reason, efCore, tables);
    }

    // The service that migrates a database: one named like a migrator, else a worker holding EF Core migrations,
    // else the only service using it that holds EF Core migrations (it migrates as it starts).
    private static (ServiceDraft? Service, string? Reason) FindMigrator(IReadOnlyList<ServiceDraft> users, Dictionary<string, ProjectFacts> facts)
    {
        if (users.FirstOrDefault(u => u.Name.Contains(MigratorWord, StringComparison.Ordinal)
            || Path.GetFileNameWithoutExtension(u.ProjectPath).Contains(MigratorWord, StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            return (named, "its name");
        }

        if (users.FirstOrDefault(u => facts[u.Name].IsWorker && facts[u.Name].EfCoreProject is not null) is { } worker)
        {
            return (worker, "a worker with EF Core migrations");
        }

        var withMigrations = users.Where(u => facts[u.Name].EfCoreProject is not null).ToList();
        return withMigrations.Count == 1 ? (withMigrations[0], "the only service using it with EF Core migrations") : (null, null);
    }
}
