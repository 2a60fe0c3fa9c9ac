using System.Globalization;

namespace PreviewSdk.Core.Sharing;

/// <summary>
/// The host names and URLs of one environment's gateway: <c>&lt;env&gt;.&lt;domain&gt;</c> for its directory
/// page, <c>&lt;service&gt;.&lt;env&gt;.&lt;domain&gt;</c> for each service and <c>dashboard.&lt;env&gt;.&lt;domain&gt;</c>
/// for the Aspire dashboard. Host-based rather than path-based, so apps that use absolute paths keep working.
/// </summary>
/// <param name="Environment">The environment's name (a DNS label: lowercase letters, digits, hyphens).</param>
/// <param name="Domain">The domain, <c>localhost</c> by default.</param>
/// <param name="Scheme"><c>http</c>, or the public URL's scheme.</param>
/// <param name="Port">The port in links; null for the scheme's default (behind a public URL on 443).</param>
public sealed record GatewayAddresses(string Environment, string Domain, string Scheme, int? Port)
{
    /// <summary>The query parameter a shared link carries the token in, once.</summary>
    public const string TokenParameter = "preview_token";

    /// <summary>The label of the dashboard's host, unless a service has that name (then <see cref="FallbackDashboardLabel"/>).</summary>
    public const string DashboardLabel = "dashboard";

    /// <summary>The dashboard's label when a service is called <c>dashboard</c>: Aspire's own name for it, which no service can have.</summary>
    public const string FallbackDashboardLabel = "aspire-dashboard";

    /// <summary>The dashboard's label in use (see <see cref="DashboardLabel"/>).</summary>
    public string DashboardName { get; init; } = DashboardLabel;

    /// <summary>The directory page's host.</summary>
    public string EnvironmentHost => $"{Environment}.{Domain}";

    /// <summary>The dashboard's host.</summary>
    public string DashboardHost => ServiceHost(DashboardName);

    /// <summary>
    /// The services that speak HTTP/2 only (gRPC services: Kestrel's <c>Protocols: Http2</c>). Their clients need
    /// HTTP/2, which without TLS has no negotiation: they are linked at <see cref="Http2Port"/>, where the gateway
    /// speaks HTTP/2 with prior knowledge (h2c).
    /// </summary>
    public IReadOnlySet<string> Http2Services { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The port of the gateway's HTTP/2 (h2c) listener in links; null when it has none or sits behind a public URL.</summary>
    public int? Http2Port { get; init; }

    /// <summary>The addresses of <paramref name="environment"/> behind a gateway with <paramref name="settings"/> listening on <paramref name="listeningPort"/>.</summary>
    public static GatewayAddresses For(GatewaySettings settings, string environment, int listeningPort, IEnumerable<string> services)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        var dashboard = services.Contains(DashboardLabel, StringComparer.Ordinal) ? FallbackDashboardLabel : DashboardLabel;
        return settings.PublicUrl is { } url
            ? new GatewayAddresses(environment, settings.Domain, url.Scheme, url.IsDefaultPort ? null : url.Port) { DashboardName = dashboard }
            : new GatewayAddresses(environment, settings.Domain, Uri.UriSchemeHttp, listeningPort) { DashboardName = dashboard };
    }

    /// <summary>A service's host.</summary>
    public string ServiceHost(string service) => $"{service}.{EnvironmentHost}";

    /// <summary>The URL of <paramref name="host"/>'s root, e.g. <c>http://shop-web.main.localhost:7400/</c>.</summary>
    public string UrlOf(string host) =>
        Port is { } port ? string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{host}:{port}/") : $"{Scheme}://{host}/";

    /// <summary>The directory page's URL, without the token.</summary>
    public string DirectoryUrl => UrlOf(EnvironmentHost);

    /// <summary>The dashboard's URL.</summary>
    public string DashboardUrl => UrlOf(DashboardHost);

    /// <summary>A service's URL: on the HTTP/2 port for a service that speaks HTTP/2 only.</summary>
    public string ServiceUrl(string service) =>
        Http2Port is { } http2 && Http2Services.Contains(service)
            ? string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{ServiceHost(service)}:{http2}/")
            : UrlOf(ServiceHost(service));

    /// <summary>The shared link: <paramref name="url"/> carrying <paramref name="token"/> once.</summary>
    public static string WithToken(string url, string token)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{TokenParameter}={Uri.EscapeDataString(token)}";
    }
}
