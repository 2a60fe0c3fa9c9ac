using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PreviewSdk.Core.Limits;
using PreviewSdk.Core.Profiles;

namespace Aspire.Hosting;

/// <summary>CPU and memory limits on a service's processes.</summary>
public static class ResourceLimitsBuilderExtensions
{
    /// <summary>
    /// Limits each replica of the service to <paramref name="limits"/>. The limits are recorded on the resource as a
    /// <see cref="PreviewLimitsAnnotation"/>; how they are enforced depends on the machine (see docs/architecture.md):
    /// each replica runs in its own cgroup where the machine allows, and the .NET runtime is told the limits
    /// (<c>DOTNET_GCHeapHardLimit</c>, <c>DOTNET_PROCESSOR_COUNT</c>) everywhere.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="limits">The limits per replica; <see cref="ResourceLimits.None"/> changes nothing.</param>
    public static IResourceBuilder<ProjectResource> WithResourceLimits(this IResourceBuilder<ProjectResource> service, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.IsNone)
        {
            return service;
        }

        var firstLimits = !service.Resource.Annotations.OfType<PreviewLimitsAnnotation>().Any();
        Limit(service, limits);
        if (firstLimits)
        {
            // Read when the process starts, so a later call's limits win.
            service.WithEnvironment(context =>
            {
                if (service.Resource.Annotations.OfType<PreviewLimitsAnnotation>().LastOrDefault() is { } annotation)
                {
                    foreach (var (name, value) in DotnetLimitVariables.For(annotation.Limits))
                    {
                        context.EnvironmentVariables[name] = value;
                    }
                }
            });
        }

        return service;
    }

    /// <summary>
    /// Limits each replica of the executable (a backing server, a tool) to <paramref name="limits"/>, in its own
    /// cgroup where the machine allows. Without cgroups the limits of an executable are reported, not enforced.
    /// </summary>
    /// <typeparam name="T">The executable's resource type.</typeparam>
    /// <param name="executable">The executable.</param>
    /// <param name="limits">The limits per replica; <see cref="ResourceLimits.None"/> changes nothing.</param>
    public static IResourceBuilder<T> WithResourceLimits<T>(this IResourceBuilder<T> executable, ResourceLimits limits)
        where T : ExecutableResource
    {
        ArgumentNullException.ThrowIfNull(executable);
        ArgumentNullException.ThrowIfNull(limits);
        return limits.IsNone ? executable : Limit(executable, limits);
    }

    private static IResourceBuilder<T> Limit<T>(IResourceBuilder<T> resource, ResourceLimits limits)
        where T : IResource
    {
        AddLimitsEnforcement(resource.ApplicationBuilder);
        return resource.WithAnnotation(new PreviewLimitsAnnotation(limits), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Registers what applies the limits of every resource with a <see cref="PreviewLimitsAnnotation"/> as its
    /// processes start; once per app host.
    /// </summary>
    internal static void AddLimitsEnforcement(IDistributedApplicationBuilder builder)
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(ResourceLimitsEnforcer)))
        {
            return;
        }

        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<ResourceLimitsEnforcer>(
            services, services.GetService<PreviewRuntime>() ?? builder.GetPreviewRuntime()));

        // Before any resource starts, like the state reporter: the cgroups must be known before the first process
        // is reported, and the links need the outcome.
        builder.Eventing.Subscribe<BeforeStartEvent>((e, cancellationToken) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            e.Services.GetRequiredService<ResourceLimitsEnforcer>().Start(stopping);
            return Task.CompletedTask;
        });
    }
}

/// <summary>The CPU and memory limits of a service's replicas.</summary>
/// <param name="Limits">The limits per replica.</param>
public sealed record PreviewLimitsAnnotation(ResourceLimits Limits) : IResourceAnnotation;
