using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

/// <summary>
/// Makes a resource's health follow the resources it depends on: a service that waits for a database (or another
/// service), and a database on its server, is reported unhealthy as soon as one of them stops or turns unhealthy,
/// and healthy again once all are back. Without it a service whose database was killed stayed "Healthy" for 37 s:
/// Aspire checks a healthy resource only every 30 s and only with its own checks.
/// </summary>
/// <remarks>
/// It adds one health report of its own, <see cref="ReportName"/>, to each dependent's snapshot; Aspire derives a
/// resource's health from all its reports and keeps reports it did not write, so this one counts alongside the
/// resource's own checks and survives their updates. Reports travel down the chain (PostgreSQL → database →
/// service → the service using it), each step within milliseconds of the notification. It acts once the environment
/// is ready; before that, a stopped dependency ends the start anyway.
/// </remarks>
internal sealed class DependencyHealth(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ILogger<DependencyHealth> logger)
{
    /// <summary>The name of the health report this adds to a dependent.</summary>
    public const string ReportName = "preview-dependencies";

    private readonly ConcurrentDictionary<string, string?> published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IResource, ConcurrentDictionary<string, CustomResourceSnapshot>> latest = new();
    private ILookup<IResource, IResource> dependents = Array.Empty<IResource>().ToLookup(resource => resource);
    private Dictionary<IResource, IResource[]> dependencies = [];

    /// <summary>Set once every resource is ready.</summary>
    public bool EnvironmentReady { get; set; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        dependencies = model.Resources.Where(PreviewResources.IsRunnable).ToDictionary(resource => resource, DependenciesOf);
        dependents = dependencies.SelectMany(pair => pair.Value.Select(dependency => (Dependency: dependency, Dependent: pair.Key)))
            .ToLookup(pair => pair.Dependency, pair => pair.Dependent);
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                // Every instance's last snapshot (replicas are instances of one resource), also before ready.
                latest.GetOrAdd(update.Resource, _ => new(StringComparer.Ordinal))[update.ResourceId] = update.Snapshot;
                if (!EnvironmentReady)
                {
                    continue;
                }

                foreach (var dependent in dependents[update.Resource])
                {
                    await RecomputeAsync(dependent);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping.
        }
    }

    // What a resource cannot work without: what it waits to be healthy (Uses, UsesService), and its parent (a
    // database's server). Waiting for completion (a seeding) is not a lasting dependency.
    private static IResource[] DependenciesOf(IResource resource)
    {
        var waited = resource.Annotations.OfType<WaitAnnotation>()
            .Where(wait => wait.WaitType == WaitType.WaitUntilHealthy)
            .Select(wait => wait.Resource);
        var parent = resource is IResourceWithParent { Parent: var owner } && resource is not PreviewSeedResource ? [owner] : Array.Empty<IResource>();
        return [.. waited.Concat(parent).Where(PreviewResources.IsRunnable).Distinct()];
    }

    private async Task RecomputeAsync(IResource dependent)
    {
        // Aspire's hidden helpers (a project's rebuilder) wait for the project too; nobody looks at their health.
        if (latest.TryGetValue(dependent, out var seen) && seen.Values.All(snapshot => snapshot.IsHidden))
        {
            return;
        }

        var down = dependencies[dependent].Select(Describe).OfType<string>().ToList();
        var description = down.Count == 0 ? null : $"Depends on what is down: {string.Join(", ", down)}.";
        if (published.TryGetValue(dependent.Name, out var last) ? last == description : description is null)
        {
            return;
        }

        published[dependent.Name] = description;
        if (description is not null)
        {
            logger.LogWarning("'{Dependent}' is unhealthy: {Description}", dependent.Name, description);
        }

        var report = new HealthReportSnapshot(ReportName, description is null ? HealthStatus.Healthy : HealthStatus.Unhealthy, description ?? "Every dependency is up.", null)
        {
            LastRunAt = DateTime.UtcNow,
        };
        foreach (var instance in InstancesOf(dependent))
        {
            await notifications.PublishUpdateAsync(dependent, instance, snapshot =>
                SnapshotHealth.WithReports(snapshot, [.. snapshot.HealthReports.Where(existing => existing.Name != ReportName), report]));
        }
    }

    // A resource's instances as notified: its replicas' ids, or its own name.
    private string[] InstancesOf(IResource resource) =>
        latest.TryGetValue(resource, out var instances) && !instances.IsEmpty ? [.. instances.Keys] : [resource.Name];

    // Null while some instance of the dependency runs healthy; else what it is (Exited, Unhealthy …).
    private string? Describe(IResource dependency)
    {
        var states = latest.TryGetValue(dependency, out var instances) ? instances.Values.ToList() : [];
        if (states.Any(snapshot => snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus is null or HealthStatus.Healthy))
        {
            return null;
        }

        var seen = states.FirstOrDefault();
        var what = seen?.State?.Text is not { Length: > 0 } state ? "starting"
            : state == KnownResourceStates.Running ? seen.HealthStatus?.ToString() ?? "starting"
            : state;
        return $"{dependency.Name} ({what})";
    }
}
