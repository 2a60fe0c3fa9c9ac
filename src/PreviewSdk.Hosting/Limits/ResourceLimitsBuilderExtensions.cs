using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Profiles;

namespace Aspire.Hosting;

/// <summary>CPU and memory limits on a service's processes.</summary>
public static class ResourceLimitsBuilderExtensions
{
    /// <summary>
    /// Limits each replica of the service to <paramref name="limits"/>. The limits are recorded on the resource as a
    /// <see cref="PreviewLimitsAnnotation"/>; how they are enforced depends on the machine (see docs/architecture.md).
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="limits">The limits per replica; <see cref="ResourceLimits.None"/> changes nothing.</param>
    public static IResourceBuilder<ProjectResource> WithResourceLimits(this IResourceBuilder<ProjectResource> service, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(limits);
        return limits.IsNone ? service : service.WithAnnotation(new PreviewLimitsAnnotation(limits), ResourceAnnotationMutationBehavior.Replace);
    }
}

/// <summary>The CPU and memory limits of a service's replicas.</summary>
/// <param name="Limits">The limits per replica.</param>
public sealed record PreviewLimitsAnnotation(ResourceLimits Limits) : IResourceAnnotation;
