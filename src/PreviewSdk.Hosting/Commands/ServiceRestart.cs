using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary>Restarts a service through Aspire's own Restart command and waits until every replica runs healthy again.</summary>
internal static class ServiceRestart
{
    /// <exception cref="InvalidOperationException">Aspire refused the restart.</exception>
    /// <exception cref="TimeoutException">It was not healthy again within <paramref name="timeout"/>.</exception>
    public static async Task RunAsync(IServiceProvider services, string service, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        // Aspire's orchestrator reports start times in whole seconds: a restart within the second it was asked for
        // shows a start time before this moment, so "since" is the start of that second.
        var now = DateTime.UtcNow;
        var since = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var result = await services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(service, KnownResourceCommands.RestartCommand, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Aspire could not restart '{service}': {result.Message}");
        }

        var model = services.GetRequiredService<DistributedApplicationModel>();
        var resource = model.Resources.First(candidate => candidate.Name == service);
        var replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var back = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            // The watch replays each replica's current state first, so a replica back already is counted too.
            await foreach (var update in notifications.WatchAsync(limit.Token))
            {
                if (update.Resource == resource && update.Snapshot.StartTimeStamp >= since && ResourceProblems.IsGood(update.Snapshot)
                    && back.Add(update.ResourceId) && back.Count >= replicas)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"'{service}' was not running and healthy again within {timeout.TotalMinutes:0} minutes of its restart.");
    }
}
