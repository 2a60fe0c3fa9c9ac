using System.Globalization;
using System.Threading.Channels;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>Restarts a service through Aspire's own Restart command and waits until every replica runs healthy again.</summary>
/// <remarks>
/// A replica counts as restarted once its start time differs from the one it had when the restart was asked for,
/// not once it started "after now": the orchestrator's start times are not this process's clock (a process started
/// 0.2 s after the restart was asked for reported a start 0.7 s before it, and the wait ran into its timeout). So
/// the wait subscribes to the notifications first: their first snapshot of each replica is its state before.
/// </remarks>
internal static class ServiceRestart
{
    private static readonly HashSet<string> Ended = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart];

    /// <exception cref="InvalidOperationException">Aspire refused the restart, or the restarted process ended.</exception>
    /// <exception cref="TimeoutException">It was not healthy again within <paramref name="timeout"/>.</exception>
    public static async Task RunAsync(IServiceProvider services, string service, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var resource = services.GetRequiredService<DistributedApplicationModel>().Resources.First(candidate => candidate.Name == service);
        var replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);

        var updates = Channel.CreateUnbounded<ResourceEvent>();
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watching = Task.Run(async () =>
        {
            try
            {
                // The first MoveNext subscribes, then replays every resource's current snapshot.
                await foreach (var update in notifications.WatchAsync(limit.Token))
                {
                    subscribed.TrySetResult();
                    if (update.Resource == resource)
                    {
                        updates.Writer.TryWrite(update);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                subscribed.TrySetResult();
                updates.Writer.TryComplete();
            }
        }, CancellationToken.None);

        try
        {
            await subscribed.Task.WaitAsync(limit.Token);
            var result = await services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(service, KnownResourceCommands.RestartCommand, cancellationToken);
            if (!result.Success)
            {
                throw new InvalidOperationException($"Aspire could not restart '{service}': {result.Message}");
            }

            await WaitUntilBackAsync(service, replicas, timeout, updates.Reader, limit.Token, cancellationToken);
        }
        finally
        {
            await limit.CancelAsync();
            await watching;
        }
    }

    private static async Task WaitUntilBackAsync(string service, int replicas, TimeSpan timeout, ChannelReader<ResourceEvent> updates, CancellationToken limit, CancellationToken cancellationToken)
    {
        var startsBefore = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        var lastSeen = new SortedDictionary<string, CustomResourceSnapshot>(StringComparer.Ordinal);
        var back = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var update in updates.ReadAllAsync(limit))
            {
                var instance = update.ResourceId;
                var snapshot = update.Snapshot;
                lastSeen[instance] = snapshot;
                // The first snapshot of an instance is from before the restart (or, for an instance the restart
                // created, from before it ever started).
                if (startsBefore.TryAdd(instance, snapshot.StartTimeStamp) || snapshot.StartTimeStamp is null || snapshot.StartTimeStamp == startsBefore[instance])
                {
                    continue;
                }

                if (snapshot.State?.Text is { } state && Ended.Contains(state))
                {
                    // The new process ended (a migration that throws): waiting on would only end in the timeout.
                    throw new InvalidOperationException($"'{service}' stopped again after its restart: {Describe(instance, snapshot)}.");
                }

                if (ResourceProblems.IsGood(snapshot) && back.Add(instance) && back.Count >= replicas)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        cancellationToken.ThrowIfCancellationRequested();
        var seen = lastSeen.Count == 0 ? "no state reported" : string.Join("; ", lastSeen.Select(pair => Describe(pair.Key, pair.Value)));
        throw new TimeoutException($"'{service}' was not running and healthy again within {PreviewSdk.Core.Profiles.DurationText.Format(timeout)} of its restart ({seen}).");
    }

    // "svc-abc: Running, Unhealthy [svc_http_check: Unhealthy], started 20:01:02": what a failed wait saw last.
    private static string Describe(string instance, CustomResourceSnapshot snapshot)
    {
        var text = new List<string> { snapshot.State?.Text is { Length: > 0 } state ? state : "no state" };
        if (snapshot.ExitCode is { } code)
        {
            text.Add(string.Create(CultureInfo.InvariantCulture, $"exit code {code}"));
        }

        if (snapshot.HealthStatus is { } health)
        {
            var failing = snapshot.HealthReports.Where(report => report.Status != HealthStatus.Healthy)
                .Select(report => $"{report.Name}: {report.Status?.ToString() ?? "not run yet"}{(report.Description is { Length: > 0 } why ? $" ({why})" : string.Empty)}")
                .ToList();
            text.Add(failing.Count == 0 ? health.ToString() : $"{health} [{string.Join(", ", failing)}]");
        }

        if (snapshot.StartTimeStamp is { } started)
        {
            text.Add(string.Create(CultureInfo.InvariantCulture, $"started {started:HH:mm:ss}"));
        }

        return $"{instance}: {string.Join(", ", text)}";
    }
}
