using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>
/// The running replicas of each service the gateway forwards to, each at its process's own port, so that the gateway
/// reaches a service in one loopback hop instead of two (through Aspire's endpoint proxy, in DCP, as well).
/// </summary>
/// <remarks>
/// Aspire 13.6 keeps a replica's port out of its model: the orchestrator picks it for each replica as it starts the
/// process and writes it into the process's environment. So each service (a project or an executable: a container's
/// target port is inside the container) gets one more variable, <see cref="TargetPortVariable"/>, holding its HTTP
/// endpoint's target port, which the orchestrator resolves per replica, and the resource snapshots, which carry each
/// process's effective environment, tell the port of each replica. A replica that stops leaves the list at once; a
/// restarted one comes back with its new port. Healthy replicas are preferred; while none is, every running one is
/// used; with none running the gateway uses Aspire's endpoint, as before.
/// </remarks>
internal sealed class ServiceReplicas(ResourceNotificationService notifications)
{
    /// <summary>The variable that tells a service's replica its HTTP endpoint's own port.</summary>
    public const string TargetPortVariable = "PREVIEW_GATEWAY_TARGET_PORT";

    private readonly ConcurrentDictionary<string, TrackedService> services = new(StringComparer.Ordinal);

    /// <summary>
    /// Follows the replicas of <paramref name="endpoint"/>'s resource, if it runs as processes on this machine.
    /// Called before the resources start: the variable is part of what their processes are started with.
    /// </summary>
    public void Track(EndpointReference endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Resource is not (ProjectResource or ExecutableResource) || services.ContainsKey(endpoint.Resource.Name))
        {
            return;
        }

        services[endpoint.Resource.Name] = new TrackedService(endpoint.EndpointAnnotation.UriScheme, ReachableHost(endpoint.EndpointAnnotation.TargetHost));
        endpoint.Resource.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
            context.EnvironmentVariables[TargetPortVariable] = endpoint.Property(EndpointProperty.TargetPort)));
    }

    /// <summary>The addresses of <paramref name="service"/>'s replicas to forward to now; empty when none is known.</summary>
    public IReadOnlyList<Uri> Of(string service) => services.TryGetValue(service, out var tracked) ? tracked.Current : [];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
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

    internal void Observe(ResourceEvent update)
    {
        if (services.TryGetValue(update.Resource.Name, out var tracked))
        {
            tracked.Update(update.ResourceId, update.Snapshot);
        }
    }

    // Where the replica listens, as the gateway connects to it: an address that means "every interface" is reached on
    // the loopback.
    private static string ReachableHost(string targetHost) =>
        targetHost is "0.0.0.0" or "*" or "+" or "::" or "[::]" ? "localhost" : targetHost;

    private sealed class TrackedService(string scheme, string host)
    {
        private readonly Dictionary<string, Replica> replicas = new(StringComparer.Ordinal);
        private volatile Uri[] current = [];

        public IReadOnlyList<Uri> Current => current;

        public void Update(string replicaId, CustomResourceSnapshot snapshot)
        {
            lock (replicas)
            {
                if (snapshot.State?.Text == KnownResourceStates.Running && PortOf(snapshot) is { } port)
                {
                    replicas[replicaId] = new Replica(
                        new Uri(string.Create(CultureInfo.InvariantCulture, $"{scheme}://{host}:{port}/")),
                        snapshot.HealthStatus == HealthStatus.Healthy);
                }
                else if (!replicas.Remove(replicaId))
                {
                    return;
                }

                var running = replicas.OrderBy(replica => replica.Key, StringComparer.Ordinal).Select(replica => replica.Value).ToList();
                var chosen = running.Any(replica => replica.Healthy) ? running.Where(replica => replica.Healthy) : running;
                current = [.. chosen.Select(replica => replica.Address)];
            }
        }

        private static int? PortOf(CustomResourceSnapshot snapshot) =>
            snapshot.EnvironmentVariables.FirstOrDefault(variable => variable.Name == TargetPortVariable)?.Value is { } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
                ? port
                : null;
    }

    private sealed record Replica(Uri Address, bool Healthy);
}
