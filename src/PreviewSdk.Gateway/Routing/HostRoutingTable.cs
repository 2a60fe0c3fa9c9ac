using System.Collections.Frozen;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Gateway.Routing;

/// <summary>
/// The host names one environment's gateway answers to: its own (the directory page), the dashboard's and one per
/// service. Any other host, an unknown service or another environment, is not found here, so such a request never
/// reaches a service.
/// </summary>
public sealed class HostRoutingTable
{
    private readonly FrozenDictionary<string, GatewayRoute> routes;

    /// <summary>The table of the environment at <paramref name="addresses"/> with <paramref name="services"/>.</summary>
    public HostRoutingTable(GatewayAddresses addresses, IEnumerable<string> services)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(services);
        Addresses = addresses;
        var all = services
            .Select(service => new GatewayRoute(RouteKind.Service, addresses.ServiceHost(service), service))
            .Prepend(new GatewayRoute(RouteKind.Dashboard, addresses.DashboardHost, addresses.DashboardName))
            .Prepend(new GatewayRoute(RouteKind.Directory, addresses.EnvironmentHost, addresses.Environment))
            .ToList();
        Routes = all;
        routes = all.ToFrozenDictionary(route => route.Host, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The addresses the table was built for.</summary>
    public GatewayAddresses Addresses { get; }

    /// <summary>Every route: the directory, the dashboard, then the services in the order given.</summary>
    public IReadOnlyList<GatewayRoute> Routes { get; }

    /// <summary>The route of <paramref name="host"/> (a Host header's value, with or without port), or null.</summary>
    public GatewayRoute? Find(string? host) =>
        HostName(host) is { } name && routes.TryGetValue(name, out var route) ? route : null;

    /// <summary>
    /// The host name of a Host header's value: without the port and a trailing dot, or null when it is empty or not a
    /// DNS name (an IP literal leads nowhere: routing is by name).
    /// </summary>
    public static string? HostName(string? host)
    {
        if (string.IsNullOrEmpty(host) || host.StartsWith('['))
        {
            return null;
        }

        var colon = host.LastIndexOf(':');
        var name = (colon >= 0 ? host[..colon] : host).TrimEnd('.');
        return name.Length > 0 ? name : null;
    }
}
