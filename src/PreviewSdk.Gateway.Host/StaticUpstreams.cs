using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Routing;

namespace PreviewSdk.Gateway.Host;

/// <summary>Each service's in-cluster address, fixed by the configuration: a Kubernetes Service balances its replicas and follows restarts.</summary>
internal sealed class StaticUpstreams(IReadOnlyList<StandaloneGatewayService> services) : IGatewayUpstreams
{
    private readonly Dictionary<string, Uri> addresses = services.ToDictionary(service => service.Name, service => service.Url, StringComparer.Ordinal);

    /// <inheritdoc />
    public Uri? Find(GatewayRoute route) =>
        route.Kind == RouteKind.Service && addresses.TryGetValue(route.Name, out var address) ? address : null;
}
