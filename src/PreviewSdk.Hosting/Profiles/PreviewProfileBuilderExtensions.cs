using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Profiles;

namespace Aspire.Hosting;

/// <summary>Applies the environment's profile (<c>lightweight</c>, <c>heavyweight</c> or one of preview.yaml) to its resources.</summary>
public static class PreviewProfileBuilderExtensions
{
    /// <summary>The dashboard property that names a service's profile.</summary>
    public const string ProfileProperty = "preview.profile";

    /// <summary>
    /// The profile this app host runs with: the one named by <c>PREVIEW_PROFILE</c> (<see cref="PreviewRuntime.Profile"/>;
    /// <c>lightweight</c> under F5), resolved against preview.yaml's <c>profiles:</c> as the app host starts, so one
    /// build serves every profile. Registered as a service; a second call returns the same profile.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="manifestPath">preview.yaml, relative to the app host's folder unless absolute; without the file only the built-in profiles exist.</param>
    /// <exception cref="DistributedApplicationException">
    /// preview.yaml has an error, or the profile is unknown (PREVIEW1030, worded as the build words it).
    /// </exception>
    public static EffectiveProfile UsePreviewProfile(this IDistributedApplicationBuilder builder, string manifestPath = "preview.yaml")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        if (Registered(builder) is { } registered)
        {
            return registered;
        }

        var manifest = PreviewManifestFile.Read(PreviewManifestFile.Resolve(builder, manifestPath));
        var name = builder.GetPreviewRuntime().Profile;
        var profile = ProfileCatalog.Resolve(manifest, name)
            ?? throw new DistributedApplicationException(ProfileCatalog.DescribeUnknown(manifest, name).ToString());
        builder.Services.AddSingleton(profile);
        return profile;
    }

    /// <summary>How often services of a lean profile (<see cref="EffectiveProfile.IsLean"/>: <c>lightweight</c> and those that extend it) export traces and logs to the dashboard, in milliseconds.</summary>
    public const string LightweightTelemetryDelayMilliseconds = "5000";

    /// <summary>How often services of a lean profile export metrics to the dashboard, in milliseconds.</summary>
    public const string LightweightMetricsIntervalMilliseconds = "15000";

    /// <summary>
    /// Applies what <paramref name="profile"/> sets for this service: replicas, environment variables, feature flags
    /// (<c>FeatureManagement__&lt;name&gt;=true|false</c>) and CPU and memory limits (<see cref="ResourceLimitsBuilderExtensions.WithResourceLimits"/>).
    /// Call it after the service's own settings, which it overrides. The profile's name shows in the dashboard as
    /// the property <see cref="ProfileProperty"/>, and what was applied is recorded as a <see cref="PreviewProfileAnnotation"/>.
    /// </summary>
    /// <remarks>
    /// A service run as a container (<see cref="PreviewServiceContainerResource"/>) gets its limits as the
    /// container's <c>--cpus</c> and <c>--memory</c>, and runs one replica: the orchestrator replicates projects only.
    /// </remarks>
    /// <typeparam name="T">The service's resource type: a project, or a container built from one.</typeparam>
    /// <param name="service">The service.</param>
    /// <param name="profile">The environment's profile, from <see cref="UsePreviewProfile"/>.</param>
    public static IResourceBuilder<T> WithProfile<T>(this IResourceBuilder<T> service, EffectiveProfile profile)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(profile);
        var settings = profile.ServiceOf(service.Resource.Name);
        service.WithAnnotation(new PreviewProfileAnnotation(profile.Name, settings), ResourceAnnotationMutationBehavior.Replace);
        WithDashboardProperty(service, ProfileProperty, profile.Name);
        if (profile.IsLean)
        {
            WithRelaxedTelemetry(service);
            WithLeanRuntime(service);
        }

        // Over the launch profile's and services:' values; a variable the profile sets for the service wins below.
        if (profile.EnvironmentName is { } environmentName)
        {
            foreach (var variable in PreviewSdk.Core.LaunchSettings.LaunchProfile.EnvironmentNameVariables)
            {
                service.WithEnvironment(variable, environmentName);
            }
        }

        if (settings is null)
        {
            return service;
        }

        if (settings.Replicas is { } replicas && service.Resource is ProjectResource)
        {
            // Replace, not add: the services: setting (WithReplicas) may already have put one there.
            service.WithAnnotation(new ReplicaAnnotation(replicas), ResourceAnnotationMutationBehavior.Replace);
        }

        foreach (var (name, value) in settings.Environment)
        {
            service.WithEnvironment(name, value);
        }

        foreach (var (feature, enabled) in settings.Features)
        {
            service.WithEnvironment($"FeatureManagement__{feature}", enabled ? "true" : "false");
        }

        // Through a builder of the resource's own type: the limits go onto the same resource.
        switch (service.Resource)
        {
            case ProjectResource project:
                service.ApplicationBuilder.CreateResourceBuilder(project).WithResourceLimits(settings.Limits);
                break;
            case ContainerResource container:
                service.ApplicationBuilder.CreateResourceBuilder(container).WithContainerLimits(settings.Limits);
                break;
        }

        return service;
    }

    // Aspire has services export traces, logs and metrics to the dashboard every second, for a live view while
    // debugging. Several lightweight environments idling side by side on a small machine spend a good part of a
    // core on that; every 5 seconds keeps the dashboard useful for product review. Metrics are exported whole at
    // every interval even when nothing happens (traces and logs only when there are some), so they get 15 seconds,
    // the interval Prometheus scrapes at by default: measured on three idle environments, the services and the
    // dashboard then use about 0.2% of a core less per environment than at 5 seconds (docs/architecture.md,
    // "Starts beside running environments"). Set after Aspire's own values, so these win; a profile's env: can set them back.
    private static void WithRelaxedTelemetry<T>(IResourceBuilder<T> service)
        where T : IResourceWithEnvironment
    {
        service.WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", LightweightTelemetryDelayMilliseconds);
        service.WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", LightweightTelemetryDelayMilliseconds);
        service.WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", LightweightMetricsIntervalMilliseconds);
    }

    // LightweightRuntime.Settings, only where the service does not set them itself: a value from its launch profile or services: env: (both
    // applied before this) wins, and so does the profile's own env: (applied after it).
    private static void WithLeanRuntime<T>(IResourceBuilder<T> service)
        where T : IResourceWithEnvironment
    {
        service.WithEnvironment(context =>
        {
            foreach (var (name, value) in LightweightRuntime.Settings)
            {
                context.EnvironmentVariables.TryAdd(name, value);
            }
        });
    }

    private static EffectiveProfile? Registered(IDistributedApplicationBuilder builder) =>
        builder.Services.LastOrDefault(service => service.ServiceType == typeof(EffectiveProfile))?.ImplementationInstance as EffectiveProfile;

    // Dashboard properties live in the resource's snapshot. The orchestrator builds each later snapshot from the
    // previous one and keeps properties it does not set, so one put into the initial snapshot stays visible.
    private static void WithDashboardProperty<T>(IResourceBuilder<T> service, string name, string value)
        where T : IResource
    {
        var initial = service.Resource.Annotations.OfType<ResourceSnapshotAnnotation>().LastOrDefault()?.InitialSnapshot
            ?? new CustomResourceSnapshot { ResourceType = service.Resource is ContainerResource ? "Container" : "Project", Properties = [] };
        var properties = initial.Properties.RemoveAll(p => p.Name == name).Add(new ResourcePropertySnapshot(name, value));
        service.WithAnnotation(new ResourceSnapshotAnnotation(initial with { Properties = properties }), ResourceAnnotationMutationBehavior.Replace);
    }
}

/// <summary>The profile applied to a service, and what it set for it.</summary>
/// <param name="Profile">The profile's name.</param>
/// <param name="Settings">What the profile set for the service, or null when it set nothing (the service runs with its own settings).</param>
public sealed record PreviewProfileAnnotation(string Profile, ServiceProfile? Settings) : IResourceAnnotation;
