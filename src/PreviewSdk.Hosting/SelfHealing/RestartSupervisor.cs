using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Profiles;

namespace Aspire.Hosting;

/// <summary>
/// Starts again a service or backing server that stopped after the environment was ready (killed, crashed, out of
/// memory), as the profile's <see cref="RestartPolicy"/> says: after a back-off that doubles, a bounded number of
/// times in a row. Aspire 13.6 restarts nothing by itself: a project or executable that exits stays Exited, so this
/// follows the resource notifications and runs the resource's own start command (the dashboard's Start button).
/// </summary>
/// <remarks>
/// Left alone: a failure before the environment is ready (it ends the start, PREVIEW2002), a stop someone asked for
/// (the resource went through Stopping: the dashboard's Stop, the app host shutting down), seedings (they finish by
/// design) and resources without a process of their own (databases, which follow their server).
/// </remarks>
internal sealed class RestartSupervisor(
    PreviewRuntime runtime,
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLoggers,
    IServiceProvider services,
    ILogger<RestartSupervisor> logger)
{
    private static readonly HashSet<string> Stopped = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart];
    private readonly ConcurrentDictionary<string, InstanceHistory> instances = new(StringComparer.Ordinal);
    private CancellationToken stopping;

    /// <summary>Set once every resource is ready: from then on a stop is restarted instead of failing the start.</summary>
    public bool EnvironmentReady { get; set; }

    private RestartPolicy Policy => services.GetService<EffectiveProfile>()?.Restart ?? RestartPolicy.Lightweight;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                Observe(update);
            }
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping.
        }
    }

    private static bool HasOwnProcess(IResource resource) =>
        resource is ProjectResource or ExecutableResource or ContainerResource;

    private void Observe(ResourceEvent update)
    {
        if (!HasOwnProcess(update.Resource) || update.Snapshot.IsHidden)
        {
            return;
        }

        var history = instances.GetOrAdd(update.ResourceId, _ => new InstanceHistory());
        int restart;
        lock (history)
        {
            var state = update.Snapshot.State?.Text;
            var previous = history.State;
            history.State = state;
            if (state == KnownResourceStates.Running && previous != KnownResourceStates.Running)
            {
                history.RunningSince = DateTimeOffset.UtcNow;
            }

            // An asked-for stop lasts until the resource runs again, not until it starts: Aspire's Restart command (the
            // dashboard's, the Reset command's) starts it at once, and the old process's Finished report can come
            // after that Starting; it is no crash.
            if (state == KnownResourceStates.Stopping)
            {
                history.StopAsked = true;
            }
            else if (state == KnownResourceStates.Running)
            {
                history.StopAsked = false;
            }

            // A stop counts once, when it happens; a start that fails reports FailedToStart after Exited.
            var newlyStopped = state is not null && Stopped.Contains(state)
                && (previous is null || !Stopped.Contains(previous) || (state == KnownResourceStates.FailedToStart && previous != state));
            if (!newlyStopped)
            {
                return;
            }

            // While our own start command runs, the orchestrator replaces the stopped process's object and reports
            // the old one Finished once more: that is no new failure.
            if (history.StopAsked || history.Starting || !EnvironmentReady || stopping.IsCancellationRequested)
            {
                return;
            }

            // A resource that stayed up for a while gets its full count back.
            if (history.RunningSince is { } since && DateTimeOffset.UtcNow - since >= RestartPolicy.StableAfter)
            {
                history.Restarts = 0;
            }

            history.Restarts++;
            restart = history.Restarts;
        }

        var reason = update.Snapshot.ExitCode is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"exit code {code}")
            : update.Snapshot.State?.Text ?? "stopped";
        Schedule(update.Resource, update.ResourceId, restart, reason);
    }

    private void Schedule(IResource resource, string instance, int restart, string reason)
    {
        var policy = Policy;
        var log = resourceLoggers.GetLogger(instance);
        if (!policy.Allows(restart))
        {
            var gaveUp = DiagnosticFactory.Create(DiagnosticCodes.RestartLimitReached, SourceLocation.WholeFile(runtime.StateDirectory),
                instance, runtime.Name, reason, restart - 1, runtime.Profile, policy.Describe());
            log.LogError("{Diagnostic}", gaveUp.ToString());
            logger.LogError("{Diagnostic}", gaveUp.ToString());
            StateJson.Write(Path.Combine(runtime.StateDirectory, StateFiles.Failed), new FailureReport
            {
                Resource = instance,
                State = KnownResourceStates.Exited,
                Reason = $"{instance} stays down after {restart - 1} restarts ({reason})",
            });
            return;
        }

        var delay = policy.DelayBefore(restart);
        var attempts = policy.Attempts is { } limit ? limit.ToString(CultureInfo.InvariantCulture) : "unlimited";
        var restarting = DiagnosticFactory.Create(DiagnosticCodes.ResourceRestarting, DiagnosticSeverity.Warning, SourceLocation.WholeFile(runtime.StateDirectory),
            instance, reason, DurationText.Format(delay), restart, attempts, runtime.Profile);
        log.LogWarning("{Diagnostic}", restarting.ToString());
        logger.LogWarning("{Diagnostic}", restarting.ToString());
        _ = RestartAsync(resource, instance, restart, reason, delay);
    }

    private async Task RestartAsync(IResource resource, string instance, int restart, string reason, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, stopping);
            if (!notifications.TryGetCurrentState(instance, out var current) || current.Snapshot.State?.Text is not { } state || !Stopped.Contains(state))
            {
                // Started by someone else meanwhile (the dashboard), or gone.
                return;
            }

            // Its health checks said healthy before it stopped; until they run again, it is not.
            await notifications.PublishUpdateAsync(resource, instance, snapshot =>
                SnapshotHealth.WithReports(snapshot, [.. snapshot.HealthReports.Select(report => report with { Status = null })]));
            var history = instances.GetOrAdd(instance, _ => new InstanceHistory());
            lock (history)
            {
                history.Starting = true;
            }

            ExecuteCommandResult result;
            try
            {
                result = await commands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand, stopping);
            }
            finally
            {
                lock (history)
                {
                    history.Starting = false;
                }
            }

            // A start command that failed brings no transition to observe: it counts as the next failure here.
            if (!result.Success)
            {
                logger.LogWarning("Restarting '{Instance}' did not bring it back: {Error}", instance, result.Message);
                int attempt;
                lock (history)
                {
                    attempt = ++history.Restarts;
                }

                Schedule(resource, instance, attempt, reason);
            }
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping: nothing is restarted any more.
        }
    }

    private sealed class InstanceHistory
    {
        public string? State { get; set; }

        public bool StopAsked { get; set; }

        public bool Starting { get; set; }

        public DateTimeOffset? RunningSince { get; set; }

        public int Restarts { get; set; }
    }
}
