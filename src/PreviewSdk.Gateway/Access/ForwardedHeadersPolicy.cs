using System.Net;
using Microsoft.AspNetCore.Http;

namespace PreviewSdk.Gateway.Access;

/// <summary>
/// Which host and scheme a request was addressed to: the request's own, or those a trusted proxy forwarded
/// (<c>X-Forwarded-Host</c>, <c>X-Forwarded-Proto</c>). Only the loopback and the configured proxies are believed;
/// from anyone else the headers are ignored and not passed on.
/// </summary>
public sealed class ForwardedHeadersPolicy(IReadOnlyList<IPNetwork> trustedProxies)
{
    /// <summary>True when <paramref name="remote"/> may tell the gateway the original host and scheme.</summary>
    public bool Trusts(IPAddress? remote)
    {
        if (remote is null)
        {
            return false;
        }

        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return IPAddress.IsLoopback(address) || trustedProxies.Any(network => network.Contains(address));
    }

    /// <summary>The host (with port, as sent) and scheme the request of <paramref name="context"/> was addressed to, and whether its sender is trusted.</summary>
    public (string Host, string Scheme, bool Trusted) Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var trusted = Trusts(context.Connection.RemoteIpAddress);
        var host = request.Host.Value ?? string.Empty;
        var scheme = request.Scheme;
        if (trusted)
        {
            // A chain of proxies appends; the first value is what the client asked for.
            if (First(request.Headers["X-Forwarded-Host"]) is { } forwardedHost)
            {
                host = forwardedHost;
            }

            if (First(request.Headers["X-Forwarded-Proto"]) is { } forwardedScheme && forwardedScheme is "http" or "https")
            {
                scheme = forwardedScheme;
            }
        }

        return (host, scheme, trusted);
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values[0]?.Split(',')[0].Trim() is { Length: > 0 } value ? value : null;
}
