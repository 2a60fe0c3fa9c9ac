using System.Globalization;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Core.Planning;

/// <summary>A dependency's <c>external: host:port</c>: where the Kubernetes target reaches it instead of running it.</summary>
/// <param name="Host">A DNS name or an IPv4 address.</param>
/// <param name="Port">1 to 65535.</param>
public sealed record ExternalEndpoint(string Host, int Port)
{
    /// <summary>The endpoint of <paramref name="text"/> (<c>db.internal.example.com:5432</c>), or null when it is not one.</summary>
    public static ExternalEndpoint? Parse(string? text)
    {
        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0)
        {
            return null;
        }

        var host = text[..colon].ToLowerInvariant();
        var hostValid = GatewaySettingsReader.IsHostName(host)
            || (System.Net.IPAddress.TryParse(host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && host.Count(c => c == '.') == 3);
        return hostValid && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? new ExternalEndpoint(host, port)
            : null;
    }

    /// <summary>True when <see cref="Host"/> is an IPv4 address (an ExternalName Service cannot point at one).</summary>
    public bool IsAddress => System.Net.IPAddress.TryParse(Host, out _);
}
