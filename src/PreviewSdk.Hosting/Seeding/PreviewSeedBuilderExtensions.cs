using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace Aspire.Hosting;

/// <summary>Adds generated seed data to a PostgreSQL database, local or in a container.</summary>
public static class PreviewSeedBuilderExtensions
{
    /// <summary>
    /// Seeds the database as preview.yaml's <c>seed.&lt;database&gt;</c> entry says, once its schema is in place:
    /// after the service named by <c>migrations.service</c> is healthy (it migrates the database as it starts), or
    /// after applying the <c>migrations.sql</c> folder (then the services using the database wait for the seeding).
    /// The environment is ready only when the seeding finished. The database gets the dashboard commands Reseed (what
    /// <c>-t:PreviewSeed</c> does, optionally with another seed) and Reset to empty (dropped, created and migrated again,
    /// no rows). Without an entry for the database, nothing is added.
    /// </summary>
    /// <param name="database">The database to seed.</param>
    /// <param name="manifestPath">preview.yaml, relative to the app host's folder unless absolute.</param>
    /// <exception cref="ArgumentException">The database is neither a <see cref="LocalPostgresDatabaseResource"/> nor a <see cref="PostgresDatabaseResource"/>.</exception>
    public static IResourceBuilder<T> WithSeedData<T>(this IResourceBuilder<T> database, string manifestPath = "preview.yaml")
        where T : IResourceWithConnectionString
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        var (databaseName, serverName) = database.Resource switch
        {
            LocalPostgresDatabaseResource local => (local.DatabaseName, local.Parent.Name),
            PostgresDatabaseResource container => (container.DatabaseName, container.Parent.Name),
            _ => throw new ArgumentException($"'{database.Resource.Name}' is no PostgreSQL database.", nameof(database)),
        };
        var builder = database.ApplicationBuilder;
        var path = PreviewManifestFile.Resolve(builder, manifestPath);
        if (FindEntry(path, database.Resource.Name) is not { } entry)
        {
            return database;
        }

        // The seed guard needs the environment's id on both sides: where databases are marked and where they are seeded.
        builder.AddPreviewEnvironment();
        var seed = new PreviewSeedResource($"{database.Resource.Name}-seed", database.Resource, databaseName, serverName, entry, path);
        builder.Services.TryAddPreviewSeeding();
        if (database.Resource is LocalPostgresDatabaseResource { Parent: { } server })
        {
            // A local server's data folder may come from, or become, a template (PreviewTemplates) of all its seeded databases.
            server.Setup.Seeds.Add(seed);
        }
        else if (database.Resource is PostgresDatabaseResource { Parent: { } container }
            && container.Annotations.OfType<ContainerPostgresTemplating>().FirstOrDefault() is { } templating)
        {
            // So may a container's (AddContainerPostgres), as an image of its engine.
            templating.Seeds.Add(seed);
        }

        builder.AddResource(seed)
            .WithIconName("DatabaseArrowUp")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "Seed",
                State = KnownResourceStates.Waiting,
                Properties = [new("seed.database", databaseName)],
            })
            .ExcludeFromManifest();
        DatabaseCommands.Add(database, seed);
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            e.Services.GetRequiredService<PreviewSeedRunner>().Start(seed);
            return Task.CompletedTask;
        });
        return database;
    }

    private static SeedEntry? FindEntry(string manifestPath, string databaseName) =>
        PreviewManifestFile.Read(manifestPath).Seeds.FirstOrDefault(seed => seed.Database.Value == databaseName);

    private static void TryAddPreviewSeeding(this IServiceCollection services)
    {
        if (!services.Any(service => service.ServiceType == typeof(PreviewSeedRunner)))
        {
            services.AddSingleton<PreviewSeedRunner>();
        }
    }
}
