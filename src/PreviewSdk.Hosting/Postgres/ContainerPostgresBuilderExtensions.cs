using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Profiles;

namespace Aspire.Hosting;

/// <summary>PostgreSQL as a container of a Docker or Podman engine: Aspire's PostgreSQL resource, labelled and limited for a preview environment.</summary>
public static class ContainerPostgresBuilderExtensions
{
    /// <summary>
    /// Adds Aspire's PostgreSQL container resource running <paramref name="image"/> (which must honour the official
    /// image's <c>POSTGRES_USER</c>/<c>POSTGRES_PASSWORD</c> variables), with the environment's labels and
    /// <paramref name="limits"/>, and no data volume: an environment's data lives and dies with its container.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="image">The full image name with tag, e.g. <c>docker.io/library/postgres:17</c>.</param>
    /// <param name="limits">The container's CPU and memory limits.</param>
    public static IResourceBuilder<PostgresServerResource> AddContainerPostgres(this IDistributedApplicationBuilder builder, string name, string image, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!ImageReference.TryParse(image, out var reference))
        {
            throw new ArgumentException($"'{image}' is no image name with a tag.", nameof(image));
        }

        var server = builder.AddPostgres(name)
            .WithImageRegistry(reference.Registry)
            .WithImage(reference.Repository, reference.Tag)
            .WithPreviewContainer(limits)
            .WithIconName("DatabaseStack");
        return server.WithSeededDataTemplates();
    }

    /// <summary>
    /// Lets the server's seeded databases come from, or become, a template image (<see cref="ContainerPostgresTemplates"/>):
    /// decided before the orchestrator reads the image; the builder's data kept outside the image's volumes.
    /// </summary>
    private static IResourceBuilder<PostgresServerResource> WithSeededDataTemplates(this IResourceBuilder<PostgresServerResource> server)
    {
        var templating = new ContainerPostgresTemplating(server.Resource) { App = PreviewContainerBuilderExtensions.Labels(server.ApplicationBuilder).App };
        server.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((e, ct) => ContainerPostgresTemplates.DecideAsync(templating, e.Services, ct));
        return server.WithAnnotation(templating).WithEnvironment(context =>
        {
            if (templating.DataInWritableLayer)
            {
                context.EnvironmentVariables["PGDATA"] = ContainerPostgresTemplating.DataFolder;
            }
        });
    }

    /// <summary>
    /// Adds a database that Aspire creates once the server is ready, then marks it as this environment's (the seed
    /// guard writes only into marked databases) and records its connection for <c>-t:PreviewSeed</c>.
    /// </summary>
    internal static IResourceBuilder<IResourceWithConnectionString> AddMarkedDatabase(this IResourceBuilder<PostgresServerResource> server, string name)
    {
        var database = server.AddDatabase(name);
        var marked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        database.WithAnnotation(new PreviewDatabaseMarkAnnotation(marked.Task));
        // Subscribed after Aspire's own handler, which creates the database: handlers of one event run in order.
        server.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (e, ct) =>
        {
            try
            {
                var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(ct);
                var runtime = e.Services.GetService<PreviewRuntime>();
                await PostgresDatabases.MarkAsync(connectionString, runtime, ct);
                if (runtime is not null && connectionString is not null)
                {
                    PostgresDatabases.RecordConnections(server.Resource.Name, [new(name, connectionString)], runtime);
                }

                marked.TrySetResult();
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException)
            {
                marked.TrySetException(exception);
            }
        });
        return database;
    }
}

/// <summary>Completes once a container database was created and marked as its environment's; the seeder waits for it.</summary>
/// <param name="Marked">The mark's completion.</param>
public sealed record PreviewDatabaseMarkAnnotation(Task Marked) : IResourceAnnotation;
