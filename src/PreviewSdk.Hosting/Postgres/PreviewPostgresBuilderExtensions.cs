using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;

namespace Aspire.Hosting;

/// <summary>
/// Adds PostgreSQL the way the environment's profile says: from the machine's binaries (<see cref="LocalPostgresBuilderExtensions.AddLocalPostgres"/>)
/// or as a container (<see cref="ContainerPostgresBuilderExtensions.AddContainerPostgres"/>). Services receive the
/// same connection strings either way.
/// </summary>
public static class PreviewPostgresBuilderExtensions
{
    /// <summary>
    /// Adds the PostgreSQL server <paramref name="name"/>: local binaries or a container of <paramref name="image"/>,
    /// as <paramref name="profile"/>'s <c>runtime:</c> (<c>local</c>, <c>container</c>, <c>auto</c>) and the build's
    /// decision say. The choice shows in the dashboard as the property <c>preview.runtime</c>.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="image">The image with its tag, for when it runs as a container (e.g. <c>postgres:17</c>).</param>
    /// <param name="profile">The environment's profile.</param>
    public static IResourceBuilder<IResourceWithConnectionString> AddPreviewPostgres(this IDistributedApplicationBuilder builder, string name, string image, EffectiveProfile profile)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(image);
        ArgumentNullException.ThrowIfNull(profile);
        var decision = PreviewContainerRuntimes.Decide(builder, name, DependencyKind.Postgres, image, profile);
        string[] settings = profile.IsLean
            ? [.. LightweightServerSettings.SelectMany(setting => new[] { "-c", $"{setting.Key}={setting.Value}" })]
            : [];
        return decision.IsContainer
            ? builder.AddContainerPostgres(name, decision.Image!, profile.Dependencies.GetValueOrDefault(name)?.Limits ?? ResourceLimits.None)
                .WithArgs(settings)
                .WithRuntimeProperty(decision, "Container")
            : builder.AddLocalPostgres(name).WithArgs(settings).WithRuntimeProperty(decision, "Executable");
    }

    /// <summary>
    /// The server settings of a PostgreSQL of a lean profile (<see cref="EffectiveProfile.IsLean"/>: <c>lightweight</c>
    /// and those that extend it), passed as <c>-c name=value</c>, for the local server and the container alike;
    /// heavyweight keeps PostgreSQL's defaults. Sized for a preview: a few
    /// services, one user, data that fits in the operating system's cache. See docs/architecture.md ("Memory of a
    /// lightweight environment").
    /// </summary>
    public static IReadOnlyDictionary<string, string> LightweightServerSettings { get; } = new Dictionary<string, string>
    {
        // 128MB by default; a preview's data is small and the OS cache holds it anyway.
        ["shared_buffers"] = "16MB",
        // 100 by default; each slot costs shared memory and semaphores whether used or not. A lightweight
        // environment's services, seeder and health checks use well under 20.
        ["max_connections"] = "40",
        // 4 by default; with none the server starts no logical replication launcher, a process (about 1 MB) that only
        // a server subscribing to another's publication needs. Publishing (change data capture from it) still works.
        ["max_logical_replication_workers"] = "0",
    };

    /// <summary>
    /// Adds a database to a server of <see cref="AddPreviewPostgres"/>, whichever runtime it has: created once the
    /// server is ready, marked as the environment's (so the seeder may write into it), healthy once it answers.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="name">The database's resource name and name on the server.</param>
    public static IResourceBuilder<IResourceWithConnectionString> AddPreviewDatabase(this IResourceBuilder<IResourceWithConnectionString> server, string name)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return server.Resource switch
        {
            LocalPostgresServerResource local => server.ApplicationBuilder.CreateResourceBuilder(local).AddDatabase(name),
            PostgresServerResource container => server.ApplicationBuilder.CreateResourceBuilder(container).AddMarkedDatabase(name),
            _ => throw new ArgumentException($"'{server.Resource.Name}' is no PostgreSQL server of AddPreviewPostgres.", nameof(server)),
        };
    }
}
