using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Containers;

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
    /// The image <c>-t:Preview</c> built for the service <paramref name="name"/> because the environment's profile
    /// runs it as a container (<c>runtime: container</c>); null when it runs from its project, which is always the
    /// case under F5 and <c>dotnet run</c>, where no build step makes images.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="name">The service's name.</param>
    public static string? PreviewServiceImage(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return System.Environment.GetEnvironmentVariable(RuntimeDecisions.Variable) is { Length: > 0 } decided
            && RuntimeDecisions.Parse(decided).GetValueOrDefault(name) is { IsContainer: true, Image: { } image }
            ? image
            : null;
    }

    /// <summary>
    /// Adds a service as a container of <paramref name="image"/> (built from its project by
    /// <c>dotnet publish -t:PublishContainer</c>), labelled with the environment. A web service listens on
    /// <see cref="PreviewServiceContainerResource.HttpPort"/> behind one HTTP endpoint, which is its link.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="name">The service's name.</param>
    /// <param name="image">The image with its tag, e.g. <c>localhost/previewsdk/shop-shop-api:main</c>.</param>
    /// <param name="isWeb">True for a web project: it gets the HTTP endpoint.</param>
    public static IResourceBuilder<PreviewServiceContainerResource> AddPreviewServiceContainer(this IDistributedApplicationBuilder builder, string name, string image, bool isWeb)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!ImageReference.TryParse(image, out var reference))
        {
            throw new ArgumentException($"'{image}' is no image name with a tag.", nameof(image));
        }

        var container = builder.AddResource(new PreviewServiceContainerResource(name))
            .WithImage(reference.Repository, reference.Tag)
            .WithImageRegistry(reference.Registry)
            .WithImagePullPolicy(ImagePullPolicy.Never)
            .WithPreviewContainer(PreviewSdk.Core.Profiles.ResourceLimits.None)
            // As the services run from their projects: the app host's environment is Development.
            .WithEnvironment("DOTNET_ENVIRONMENT", "Development")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithRuntimeProperty(new RuntimeDecision(name, PreviewSdk.Core.Profiles.DependencyRuntimes.Container, image, null), "Container");
        return isWeb
            ? container
                .WithEnvironment("ASPNETCORE_URLS", "http://+:" + PreviewServiceContainerResource.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithHttpEndpoint(targetPort: PreviewServiceContainerResource.HttpPort, name: "http")
            : container;
    }

    /// <summary>
    /// Runs <paramref name="replicas"/> instances of a service run from its project, behind its one URL; a service
    /// run as a container runs one (the orchestrator replicates projects only).
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="replicas">How many, at least 1.</param>
    public static IResourceBuilder<T> WithPreviewReplicas<T>(this IResourceBuilder<T> service, int replicas)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        return service.Resource is ProjectResource
            ? service.WithAnnotation(new ReplicaAnnotation(replicas), ResourceAnnotationMutationBehavior.Replace)
            : service;
    }

    /// <summary>
    /// Makes <paramref name="dependency"/> available to the service (a connection string or service discovery
    /// entry) and starts the service only once the dependency is healthy. A null dependency is one the
    /// environment's profile leaves out: the service gets no connection to it (and uses its in-process fallback).
    /// </summary>
    public static IResourceBuilder<T> Uses<T, TDependency>(this IResourceBuilder<T> service, IResourceBuilder<TDependency>? dependency)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
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
    public static IResourceBuilder<T> UsesService<T>(this IResourceBuilder<T> service, IResourceBuilder<IResourceWithServiceDiscovery> other)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
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
