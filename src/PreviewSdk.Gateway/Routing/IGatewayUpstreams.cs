namespace PreviewSdk.Gateway.Routing;

/// <summary>Where the gateway forwards a route to, as the environment knows it now.</summary>
public interface IGatewayUpstreams
{
    /// <summary>
    /// The base address of <paramref name="route"/>'s shared endpoint (such as <c>http://127.0.0.1:46473/</c>: for a
    /// service, the orchestrator's endpoint, which balances between its replicas itself), or null while it has none
    /// (not started yet, or stopped).
    /// </summary>
    Uri? Find(GatewayRoute route);

    /// <summary>
    /// The base addresses of <paramref name="route"/>'s running replicas, each on its process's own port, when the
    /// environment knows them: the gateway then balances between them itself and skips the orchestrator's endpoint
    /// proxy, one loopback hop less per request. Empty when they are not known; <see cref="Find"/> is used then.
    /// Called for every forwarded request, so it must be cheap (a list kept up to date, not a lookup).
    /// </summary>
    IReadOnlyList<Uri> Replicas(GatewayRoute route) => [];
}
