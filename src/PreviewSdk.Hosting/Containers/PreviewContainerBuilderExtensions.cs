using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Profiles;

namespace Aspire.Hosting;

/// <summary>Makes a container resource one of a preview environment's: its labels, limits and runtime in the dashboard.</summary>
public static class PreviewContainerBuilderExtensions
{
    /// <summary>The dashboard property that says how a dependency runs and why (<c>container localhost/library/postgres:15 (auto: …)</c>).</summary>
    public const string RuntimeProperty = "preview.runtime";

    /// <summary>
    /// Labels the container with its environment (<c>previewsdk.environment</c>, <c>previewsdk.app</c>,
    /// <c>previewsdk.team</c>, <c>previewsdk.owner</c>), which is how every cleanup finds it, and gives it the CPU and
    /// memory limits of <paramref name="limits"/> (<c>--cpus</c>, <c>--memory</c>: visible in <c>docker inspect</c>).
    /// </summary>
    /// <param name="container">The container.</param>
    /// <param name="limits">Its limits; <see cref="ResourceLimits.None"/> for none.</param>
    public static IResourceBuilder<T> WithPreviewContainer<T>(this IResourceBuilder<T> container, ResourceLimits limits)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(limits);
        // Session lifetime: the orchestrator removes the container when the app host stops; the labels are for
        // when it cannot (a killed app host).
        return container.WithContainerRuntimeArgs([.. Labels(container.ApplicationBuilder).ToRunArguments()])
            .WithContainerLimits(limits)
            .WithLifetime(ContainerLifetime.Session);
    }

    /// <summary>
    /// Gives the container the CPU and memory limits of <paramref name="limits"/> (<c>--cpus</c>, <c>--memory</c>),
    /// enforced by the engine and visible in <c>docker inspect</c>; <see cref="ResourceLimits.None"/> changes nothing.
    /// </summary>
    /// <param name="container">The container.</param>
    /// <param name="limits">Its limits.</param>
    public static IResourceBuilder<T> WithContainerLimits<T>(this IResourceBuilder<T> container, ResourceLimits limits)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(limits);
        var arguments = new List<string>();
        if (limits.Cpus is { } cpus)
        {
            arguments.AddRange(["--cpus", cpus.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        if (limits.MemoryBytes is { } bytes)
        {
            arguments.AddRange(["--memory", bytes.ToString(CultureInfo.InvariantCulture)]);
        }

        return arguments.Count == 0 ? container : container.WithContainerRuntimeArgs([.. arguments]);
    }

    /// <summary>Shows <paramref name="decision"/> in the dashboard as the property <see cref="RuntimeProperty"/>.</summary>
    internal static IResourceBuilder<T> WithRuntimeProperty<T>(this IResourceBuilder<T> resource, RuntimeDecision decision, string resourceType)
        where T : IResource
    {
        var initial = resource.Resource.Annotations.OfType<ResourceSnapshotAnnotation>().LastOrDefault()?.InitialSnapshot
            ?? new CustomResourceSnapshot { ResourceType = resourceType, Properties = [] };
        var text = decision.Describe()[(decision.Name.Length + 2)..];
        var properties = initial.Properties.RemoveAll(p => p.Name == RuntimeProperty).Add(new ResourcePropertySnapshot(RuntimeProperty, text));
        return resource.WithAnnotation(new ResourceSnapshotAnnotation(initial with { Properties = properties }), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>The labels of this app host's environment: its id, and the app, team and owner the build recorded.</summary>
    internal static EnvironmentLabels Labels(IDistributedApplicationBuilder builder)
    {
        var runtime = builder.GetPreviewRuntime();
        var record = EnvironmentRegistry.Read(runtime.StateDirectory)?.Record;
        return new EnvironmentLabels(runtime.EnvironmentId, record?.App ?? builder.Environment.ApplicationName, record?.Team, record?.Owner);
    }
}
