using System.Collections.Concurrent;
using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Limits;

namespace Aspire.Hosting;

/// <summary>
/// Applies the limits of every resource with a <see cref="PreviewLimitsAnnotation"/>. Before anything starts it
/// detects the machine's cgroups; then, for each replica whose process Aspire reports, it creates the replica's
/// cgroup with the limits and moves the process and its descendants into it (a service runs as
/// <c>dotnet run</c>, whose child is the service itself). It shows the outcome on each replica in the dashboard
/// (<see cref="LimitsProperty"/>) and gives it to the links (<see cref="Applied"/>).
/// </summary>
internal sealed class ResourceLimitsEnforcer(
    PreviewRuntime runtime,
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    ILogger<ResourceLimitsEnforcer> logger)
{
    /// <summary>The dashboard property with the limits and how they are kept.</summary>
    public const string LimitsProperty = "preview.limits";

    /// <summary>The dashboard property with the replica's cgroup folder(s).</summary>
    public const string CgroupProperty = "preview.limits.cgroup";

    private readonly ConcurrentDictionary<string, int> movedProcesses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> cgroupFolders = new(StringComparer.Ordinal);
    private Dictionary<string, (IResource Resource, AppliedLimits Limits)> limited = [];
    private CgroupLayout? layout;

    /// <summary>The limited resources and how their limits are kept, in model order; empty before <see cref="Start"/>.</summary>
    public IReadOnlyList<AppliedLimits> Applied => [.. limited.Values.Select(entry => entry.Limits)];

    /// <summary>Detects the cgroups and starts following the resources; call before any resource starts.</summary>
    public void Start(CancellationToken stoppingToken)
    {
        var annotated = model.Resources
            .Select(resource => (Resource: resource, Annotation: resource.Annotations.OfType<PreviewLimitsAnnotation>().LastOrDefault()))
            .Where(entry => entry.Annotation is not null)
            .ToList();
        if (annotated.Count == 0)
        {
            return;
        }

        var detection = CgroupDetector.Detect();
        layout = detection.Layout;
        if (layout is not null)
        {
            // Cgroups of environments killed without a teardown; never this environment's own.
            EnvironmentCgroups.RemoveStale(layout, id => id == runtime.EnvironmentId || EnvironmentProcesses.Find(id).Count > 0);
        }

        limited = annotated.ToDictionary(
            entry => entry.Resource.Name,
            entry => (entry.Resource, Outcome(entry.Resource, entry.Annotation!, detection)),
            StringComparer.Ordinal);
        foreach (var (_, limits) in limited.Values)
        {
            if (limits.ToWarning(SourceLocation.WholeFile(string.Empty)) is { } warning)
            {
                logger.LogWarning("{Code}: {Message}", warning.Code, warning.Message);
            }
        }

        _ = FollowAsync(stoppingToken);
    }

    private static AppliedLimits Outcome(IResource resource, PreviewLimitsAnnotation annotation, CgroupDetection detection) =>
        detection.Layout is { } found
            ? new AppliedLimits(resource.Name, annotation.Limits, LimitsEnforcement.Cgroup, found.Describe())
            : resource is ProjectResource
                ? new AppliedLimits(resource.Name, annotation.Limits, LimitsEnforcement.BestEffort, DotnetLimitVariables.Describe(annotation.Limits)) { Reason = detection.Reason }
                : new AppliedLimits(resource.Name, annotation.Limits, LimitsEnforcement.NotEnforced, string.Empty) { Reason = detection.Reason };

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (limited.TryGetValue(update.Resource.Name, out var entry) && ReferenceEquals(entry.Resource, update.Resource))
                {
                    await ObserveAsync(update, entry.Limits);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping.
        }
    }

    private async Task ObserveAsync(ResourceEvent update, AppliedLimits limits)
    {
        if (layout is not null
            && ResourceProcessIds.Of(update.Snapshot) is [var pid, ..]
            && (!movedProcesses.TryGetValue(update.ResourceId, out var known) || known != pid))
        {
            movedProcesses[update.ResourceId] = pid;
            if (!Apply(update, limits, pid))
            {
                return;
            }
        }

        // Shown on every replica; re-added should an update of the orchestrator replace the properties.
        var folders = cgroupFolders.GetValueOrDefault(update.ResourceId);
        var properties = update.Snapshot.Properties;
        if (!properties.Any(property => property.Name == LimitsProperty)
            || (folders is not null && !properties.Any(property => property.Name == CgroupProperty && Equals(property.Value, folders))))
        {
            await notifications.PublishUpdateAsync(update.Resource, update.ResourceId, snapshot => snapshot with
            {
                Properties = [
                    .. snapshot.Properties.Where(property => property.Name is not (LimitsProperty or CgroupProperty)),
                    new ResourcePropertySnapshot(LimitsProperty, limits.Describe()) { DisplayName = "Limits" },
                    .. folders is null ? Array.Empty<ResourcePropertySnapshot>() : [new ResourcePropertySnapshot(CgroupProperty, folders) { DisplayName = "Limits cgroup" }],
                ],
            });
        }
    }

    // Moves the replica's process tree into its cgroup; on failure stops the replica, which then fails the start.
    private bool Apply(ResourceEvent update, AppliedLimits limits, int pid)
    {
        var replica = ReplicaName(update.ResourceId);
        CgroupException? failure = null;
        // Twice: another environment's cleanup may remove a cgroup between its creation and the move.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                var cgroup = ReplicaCgroup.Create(layout!, runtime.EnvironmentId, update.Resource.Name, replica, limits.Limits);
                var moved = cgroup.AddTree(pid);
                cgroupFolders[update.ResourceId] = string.Join(' ', cgroup.Folders);
                logger.LogInformation("Limited {Replica} to {Limits}: processes {Processes} in {Cgroup}.",
                    update.ResourceId, limits.Limits.Describe(), string.Join(' ', moved), string.Join(" and ", cgroup.Folders));
                return true;
            }
            catch (CgroupException e)
            {
                failure = e;
            }
        }

        var diagnostic = DiagnosticFactory.Create(DiagnosticCodes.LimitsCgroupFailed, SourceLocation.WholeFile(string.Empty),
            update.ResourceId, failure!.Message, failure.Path);
        var text = $"{diagnostic.Code}: {diagnostic.Message}";
        logger.LogError("{Message}", text);
        resourceLogs.GetLogger(update.ResourceId).LogError("{Message}", text);
        Stop(pid);
        return false;
    }

    // Aspire names a replica <resource>-<suffix>; anything else a cgroup name cannot hold becomes '-'.
    private static string ReplicaName(string resourceId) =>
        new([.. resourceId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);

    private static void Stop(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }
}
