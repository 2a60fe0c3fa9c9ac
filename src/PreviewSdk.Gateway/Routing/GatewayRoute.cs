namespace PreviewSdk.Gateway.Routing;

/// <summary>What a host name of the gateway leads to.</summary>
public enum RouteKind
{
    /// <summary>The environment's own host: the links directory page, served by the gateway.</summary>
    Directory,

    /// <summary>A service's host: forwarded to the service's endpoint.</summary>
    Service,

    /// <summary>The dashboard's host: forwarded to the Aspire dashboard, logged in by the gateway.</summary>
    Dashboard,
}

/// <summary>One host name the gateway answers to.</summary>
/// <param name="Kind">What it leads to.</param>
/// <param name="Host">The host name, lowercase, without port.</param>
/// <param name="Name">The service's name, the dashboard's label, or the environment's name.</param>
public sealed record GatewayRoute(RouteKind Kind, string Host, string Name);
