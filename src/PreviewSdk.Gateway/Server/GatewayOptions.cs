using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Pages;
using PreviewSdk.Gateway.Routing;

namespace PreviewSdk.Gateway.Server;

/// <summary>Everything one environment's gateway needs to start.</summary>
public sealed record GatewayOptions
{
    /// <summary>Domain, bind address, port, authentication, public URL, trusted proxies.</summary>
    public required GatewaySettings Settings { get; init; }

    /// <summary>The environment's name (the middle label of every host name).</summary>
    public required string Environment { get; init; }

    /// <summary>The environment's id: it scopes the access cookie, so one environment's cookie opens no other.</summary>
    public required string EnvironmentId { get; init; }

    /// <summary>The state folder, whose token file the gateway follows.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The services with an HTTP endpoint, each reached at <c>&lt;service&gt;.&lt;env&gt;.&lt;domain&gt;</c>.</summary>
    public required IReadOnlyList<string> Services { get; init; }

    /// <summary>
    /// The services among <see cref="Services"/> that speak HTTP/2 only (gRPC). The gateway then also listens for
    /// HTTP/2 with prior knowledge (h2c) on a second port, links them there and forwards to them over HTTP/2.
    /// </summary>
    public IReadOnlyCollection<string> Http2Services { get; init; } = [];

    /// <summary>Where each route's requests go.</summary>
    public required IGatewayUpstreams Upstreams { get; init; }

    /// <summary>The directory page's live content.</summary>
    public required IDirectorySource Directory { get; init; }

    /// <summary>The dashboard's browser token (Aspire's <c>AppHost:BrowserToken</c>), which the gateway logs in with; null without one.</summary>
    public Func<string?> DashboardBrowserToken { get; init; } = () => null;

    /// <summary>How long a forwarded exchange may stay silent before it is cut (long enough for idle live views).</summary>
    public TimeSpan ActivityTimeout { get; init; } = TimeSpan.FromHours(1);
}
