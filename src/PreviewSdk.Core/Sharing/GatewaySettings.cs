using System.Globalization;
using System.Net;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Sharing;

/// <summary>Whether the gateway asks for the environment's access token.</summary>
public enum GatewayAuth
{
    /// <summary>Every request needs the token (link, cookie or <c>X-Preview-Token</c>): the default.</summary>
    Token,

    /// <summary>No authentication: whoever reaches the gateway reaches every service (warning PREVIEW5001).</summary>
    None,
}

/// <summary>
/// How an environment's gateway is reached: the domain its host names end in, the address and port it listens
/// on, whether it asks for the token, the public address when a proxy or tunnel sits in front of it, and the
/// proxies whose forwarded headers it believes. Read from MSBuild properties by <see cref="GatewaySettingsReader"/>,
/// handed to the app host as variables (<see cref="ToVariables"/>).
/// </summary>
public sealed record GatewaySettings
{
    /// <summary>The domain when none is configured: <c>*.localhost</c> resolves to the loopback in browsers and curl.</summary>
    public const string DefaultDomain = "localhost";

    /// <summary>The domain the host names end in: <c>&lt;service&gt;.&lt;env&gt;.&lt;domain&gt;</c>.</summary>
    public string Domain { get; init; } = DefaultDomain;

    /// <summary>The address the gateway listens on; the loopback unless shared on a network.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The port it listens on; null for a free one, chosen when it starts.</summary>
    public int? Port { get; init; }

    /// <summary>Whether requests need the access token.</summary>
    public GatewayAuth Auth { get; init; } = GatewayAuth.Token;

    /// <summary>
    /// The address people use when a TLS-terminating proxy or a tunnel sits in front of the gateway (scheme, the
    /// domain, and a port when not the scheme's default); null when they reach the gateway itself.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>Besides the loopback, the proxies whose <c>X-Forwarded-Host</c> and <c>X-Forwarded-Proto</c> are believed.</summary>
    public IReadOnlyList<IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>True when the gateway listens on more than the loopback, so other machines can reach it.</summary>
    public bool IsSharedOnNetwork => !IPAddress.IsLoopback(BindAddress);

    /// <summary>The variables that carry these settings to the app host (see <see cref="PreviewVariables"/>).</summary>
    public IReadOnlyDictionary<string, string?> ToVariables() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [PreviewVariables.GatewayDomain] = Domain,
        [PreviewVariables.GatewayBindAddress] = BindAddress.ToString(),
        [PreviewVariables.GatewayPort] = Port?.ToString(CultureInfo.InvariantCulture),
        [PreviewVariables.GatewayAuth] = Auth == GatewayAuth.None ? "none" : "token",
        [PreviewVariables.GatewayPublicUrl] = PublicUrl?.ToString(),
        [PreviewVariables.GatewayTrustedProxies] = TrustedProxies.Count == 0 ? null : string.Join(';', TrustedProxies),
    };
}
