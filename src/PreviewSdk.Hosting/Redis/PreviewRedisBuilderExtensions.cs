using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;

namespace Aspire.Hosting;

/// <summary>Adds Redis the way the environment's profile says: from the machine's <c>redis-server</c> or as a container.</summary>
public static class PreviewRedisBuilderExtensions
{
    /// <summary>
    /// Adds the Redis server <paramref name="name"/>: local <c>redis-server</c> or a container of <paramref name="image"/>,
    /// as <paramref name="profile"/>'s <c>runtime:</c> and the build's decision say; shown in the dashboard as the
    /// property <c>preview.runtime</c>. Services receive its connection string (<c>ConnectionStrings__name</c>) either way.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="image">The image with its tag, for when it runs as a container (e.g. <c>redis:7</c>).</param>
    /// <param name="profile">The environment's profile.</param>
    public static IResourceBuilder<IResourceWithConnectionString> AddPreviewRedis(this IDistributedApplicationBuilder builder, string name, string image, EffectiveProfile profile)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(image);
        ArgumentNullException.ThrowIfNull(profile);
        var decision = PreviewContainerRuntimes.Decide(builder, name, DependencyKind.Redis, image, profile);
        return decision.IsContainer
            ? builder.AddContainerRedis(name, decision.Image!, profile.Dependencies.GetValueOrDefault(name)?.Limits ?? ResourceLimits.None)
                .WithRuntimeProperty(decision, "Container")
            : builder.AddLocalRedis(name).WithRuntimeProperty(decision, "Executable");
    }

    /// <summary>
    /// Adds Aspire's Redis container resource running <paramref name="image"/> (which needs <c>/bin/sh</c> and
    /// <c>redis-server</c>, as the official image has), with the environment's labels and <paramref name="limits"/>.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="image">The full image name with tag, e.g. <c>docker.io/library/redis:7</c>.</param>
    /// <param name="limits">The container's CPU and memory limits.</param>
    public static IResourceBuilder<RedisResource> AddContainerRedis(this IDistributedApplicationBuilder builder, string name, string image, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!ImageReference.TryParse(image, out var reference))
        {
            throw new ArgumentException($"'{image}' is no image name with a tag.", nameof(image));
        }

        return builder.AddRedis(name)
            .WithImageRegistry(reference.Registry)
            .WithImage(reference.Repository, reference.Tag)
            .WithPreviewContainer(limits)
            .WithIconName("Memory");
    }
}
