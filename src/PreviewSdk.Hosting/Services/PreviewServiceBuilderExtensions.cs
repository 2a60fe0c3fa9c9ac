using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Adds a team's own services to a preview environment.</summary>
public static class PreviewServiceBuilderExtensions
{
    /// <summary>
    /// Adds the project at <paramref name="projectPath"/> (relative to the app host's folder) as a service. Of its
    /// launch profile it gets the variables (the environment name among them, Development by default), not the
    /// URLs: ports come from the environment, so parallel environments never collide. A web project gets one HTTP
    /// endpoint, which is what its link points at.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPreviewService(this IDistributedApplicationBuilder builder, string name, string projectPath, bool isWeb)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(projectPath);
        return AsPreviewService(builder.AddProject(name, projectPath, launchProfileName: null), isWeb);
    }

    /// <summary>
    /// Adds the ProjectReference whose Aspire metadata class is <typeparamref name="TProject"/> (for example
    /// <c>Projects.Shop_Api</c>) as a service. The app host's build already built it, so it starts without building
    /// again. It gets its launch profile's variables (<see cref="LaunchProfileBuilderExtensions.WithLaunchProfileEnvironment"/>);
    /// ports come from the environment; a web project gets one HTTP endpoint, which is what its link points at.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPreviewService<TProject>(this IDistributedApplicationBuilder builder, string name, bool isWeb)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return AsPreviewService(builder.AddProject<TProject>(name, launchProfileName: null), isWeb);
    }

    /// <summary>
    /// Makes <paramref name="dependency"/> available to the service (a connection string or service discovery
    /// entry) and starts the service only once the dependency is healthy. A null dependency is one the
    /// environment's profile leaves out: the service gets no connection to it (and uses its in-process fallback).
    /// </summary>
    public static IResourceBuilder<ProjectResource> Uses<TDependency>(this IResourceBuilder<ProjectResource> service, IResourceBuilder<TDependency>? dependency)
        where TDependency : class, IResourceWithConnectionString
    {
        ArgumentNullException.ThrowIfNull(service);
        if (dependency is null)
        {
            return service;
        }

        service.WithReference(dependency).WaitFor(dependency);

        // A database whose schema the seeder creates from SQL files is usable once seeding finished; one that a
        // service migrates as it starts is seeded after that service, which must not wait for the seeding.
        var seeds = service.ApplicationBuilder.Resources.OfType<PreviewSeedResource>()
            .Where(seed => ReferenceEquals(seed.Parent, dependency.Resource) && seed.Entry.Migrations?.Service is null);
        foreach (var seed in seeds)
        {
            service.WaitForCompletion(service.ApplicationBuilder.CreateResourceBuilder(seed));
        }

        return service;
    }

    /// <summary>
    /// Lets the service call <paramref name="other"/> through service discovery (<c>http://name</c>) and starts it
    /// once the other service is healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> UsesService(this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> other)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(other);
        return service.WithReference(other).WaitFor(other);
    }

    // Preview services serve plain HTTP on loopback. Without this, Aspire hands every project the HTTPS
    // development certificate and, where none is trusted (CI, fresh machines), the dashboard greets every
    // visitor of a shared link with a "No trusted development certificate" error banner.
    private static IResourceBuilder<ProjectResource> AsPreviewService(IResourceBuilder<ProjectResource> service, bool isWeb)
    {
#pragma warning disable ASPIRECERTIFICATES001 // Experimental in Aspire 13.6; the behaviour it turns off is what we want gone.
        service.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
        service.WithLaunchProfileEnvironment();
        return isWeb ? service.WithHttpEndpoint(name: "http") : service;
    }
}
