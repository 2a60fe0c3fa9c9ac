using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Observability.Alerts;
using PreviewSdk.Observability.Telemetry;

namespace Aspire.Hosting;

/// <summary>
/// Watches the environment from the moment it is ready: every resource's state and health (Aspire's resource
/// notifications), and every service's error logs (the dashboard's telemetry). Turns what it sees into incidents, one
/// per stretch of trouble (<see cref="IncidentTracker"/>), and has each announced as it opens and closes.
/// </summary>
internal sealed class AlertMonitor(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    EnvironmentReadiness readiness,
    AlertDispatcher dispatcher,
    IConfiguration configuration)
{
    /// <summary>
    /// How long a replica started again on purpose (Restart, Reset, a repeated -t:Preview) may stay unhealthy before
    /// it counts: until its first health check passes it reports "unhealthy", which is starting, not an incident.
    /// </summary>
    public static readonly TimeSpan RestartGrace = TimeSpan.FromMinutes(2);

    private readonly IncidentTracker tracker = new(IncidentTracker.DefaultRecoveryHold);
    private readonly ConcurrentDictionary<string, Replica> replicas = new(StringComparer.Ordinal);
    private PreviewEnvironmentResource environment = null!;
    private ErrorLogWindow errors = null!;

    public async Task RunAsync(PreviewEnvironmentResource resource, CancellationToken stoppingToken)
    {
        environment = resource;
        errors = new ErrorLogWindow(resource.Alerts.ErrorThreshold, resource.Alerts.ErrorWindow);
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
            var since = DateTimeOffset.UtcNow;

            await Task.WhenAll(WatchResourcesAsync(stoppingToken), WatchErrorLogsAsync(since, stoppingToken), TickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping: everything ends now, which is no incident.
        }
    }

    private async Task WatchResourcesAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            if (IsWatched(update.Resource))
            {
                await ObserveAsync(update);
            }
        }
    }

    // The services and backing services; not the environment resource itself, Aspire's helpers or a seeding, which
    // finishes by design.
    private bool IsWatched(IResource resource) =>
        PreviewResources.IsRunnable(resource) && resource is not PreviewEnvironmentResource and not PreviewSeedResource
        && model.Resources.Contains(resource);

    private async Task ObserveAsync(ResourceEvent update)
    {
        var snapshot = update.Snapshot;
        if (snapshot.IsHidden)
        {
            return;
        }

        var previous = replicas.GetValueOrDefault(update.ResourceId);
        var now = DateTimeOffset.UtcNow;
        // Stopped from the dashboard (or by Aspire): it passes through Stopping, a crash does not.
        var running = snapshot.State?.Text == KnownResourceStates.Running;
        var stoppedOnPurpose = snapshot.State?.Text == KnownResourceStates.Stopping || (!running && (previous?.StoppedOnPurpose ?? false));
        // Running again after a stop on purpose: starting until healthy (or the grace is over).
        var startedOnPurposeAt = running && previous?.StoppedOnPurpose == true ? now
            : !ResourceProblems.IsGood(snapshot) ? previous?.StartedOnPurposeAt
            : null;
        replicas[update.ResourceId] = new Replica(update.Resource.Name, snapshot, stoppedOnPurpose, startedOnPurposeAt);

        // A resource is as bad as its worst replica, and good only when every replica is.
        var own = replicas.Values.Where(replica => replica.Resource == update.Resource.Name).ToList();
        if (own.Select(replica => ProblemOf(replica, now)).OfType<Problem>().FirstOrDefault() is { } problem)
        {
            await AnnounceAsync(tracker.Bad(update.Resource.Name, update.Resource.Name, problem, now));
        }
        else if (own.All(replica => ResourceProblems.IsGood(replica.Snapshot)))
        {
            await AnnounceAsync(tracker.Good(update.Resource.Name, now));
        }
    }

    private async Task WatchErrorLogsAsync(DateTimeOffset since, CancellationToken stoppingToken)
    {
        var dashboardUrl = (configuration["ASPNETCORE_URLS"] ?? string.Empty).Split(';')[0].TrimEnd('/');
        var apiKey = configuration["AppHost:DashboardApiKey"];
        if (!model.Resources.Any(resource => resource.Name == "aspire-dashboard") || !Uri.TryCreate(dashboardUrl + "/", UriKind.Absolute, out var dashboard) || string.IsNullOrEmpty(apiKey))
        {
            dispatcher.Note(environment, DiagnosticFactory.Create(DiagnosticCodes.TelemetryUnavailable, DiagnosticSeverity.Warning,
                SourceLocation.WholeFile(string.Empty), dashboardUrl.Length > 0 ? dashboardUrl : "(none)", "is not part of this app host"));
            return;
        }

        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var stream = new DashboardErrorLogs(client, dashboard, apiKey, diagnostic => dispatcher.Note(environment, diagnostic));
        await foreach (var record in stream.FollowAsync(since, stoppingToken))
        {
            // Counted when it arrives: the window is about the rate now, whatever the service's clock said.
            errors.Add(record.Service, DateTimeOffset.UtcNow, record.Message);
            await ObserveErrorsAsync(record.Service, DateTimeOffset.UtcNow);
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var service in errors.Services)
            {
                await ObserveErrorsAsync(service, now);
            }

            foreach (var change in tracker.Tick(now))
            {
                await AnnounceAsync(change);
            }
        }
    }

    private Task ObserveErrorsAsync(string service, DateTimeOffset now) =>
        errors.ProblemOf(service, now) is { } problem
            ? AnnounceAsync(tracker.Bad($"{service} errors", service, problem, now))
            : AnnounceAsync(tracker.Good($"{service} errors", now));

    private Task AnnounceAsync(IncidentChange? change) =>
        change is null ? Task.CompletedTask : dispatcher.AnnounceAsync(environment, change, tracker.Open);

    private static Problem? ProblemOf(Replica replica, DateTimeOffset now)
    {
        var problem = ResourceProblems.Of(replica.Snapshot, replica.StoppedOnPurpose);
        return problem is { Kind: ProblemKind.Unhealthy } && replica.StartedOnPurposeAt is { } started && now - started < RestartGrace ? null : problem;
    }

    private sealed record Replica(string Resource, CustomResourceSnapshot Snapshot, bool StoppedOnPurpose, DateTimeOffset? StartedOnPurposeAt);
}
