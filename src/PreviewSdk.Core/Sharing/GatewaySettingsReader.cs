using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Sharing;

/// <summary>
/// The gateway's settings as written: MSBuild properties (<c>PreviewDomain</c> …) or the app host's variables.
/// Empty means "the default".
/// </summary>
public sealed record GatewaySettingsText
{
    /// <summary><c>PreviewDomain</c>.</summary>
    public string? Domain { get; init; }

    /// <summary><c>PreviewBindAddress</c>.</summary>
    public string? BindAddress { get; init; }

    /// <summary><c>PreviewGatewayPort</c>.</summary>
    public string? Port { get; init; }

    /// <summary><c>PreviewAuth</c>: <c>token</c> or <c>none</c>.</summary>
    public string? Auth { get; init; }

    /// <summary><c>PreviewPublicUrl</c>.</summary>
    public string? PublicUrl { get; init; }

    /// <summary><c>PreviewTrustedProxies</c>: addresses or CIDR ranges, separated by <c>;</c> or <c>,</c>.</summary>
    public string? TrustedProxies { get; init; }

    /// <summary>The settings as the build handed them to the app host (<see cref="GatewaySettings.ToVariables"/>).</summary>
    public static GatewaySettingsText FromVariables(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new GatewaySettingsText
        {
            Domain = read(Environments.PreviewVariables.GatewayDomain),
            BindAddress = read(Environments.PreviewVariables.GatewayBindAddress),
            Port = read(Environments.PreviewVariables.GatewayPort),
            Auth = read(Environments.PreviewVariables.GatewayAuth),
            PublicUrl = read(Environments.PreviewVariables.GatewayPublicUrl),
            TrustedProxies = read(Environments.PreviewVariables.GatewayTrustedProxies),
        };
    }
}

/// <summary>
/// Validates the gateway's settings (PREVIEW1040–1048) before anything starts: every wrong value is reported at
/// once, with the property's name, the value and what would be right.
/// </summary>
public static class GatewaySettingsReader
{
    /// <summary>The longest DNS name, and the longest label in it (RFC 1035).</summary>
    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>
    /// Reads <paramref name="text"/>; returns null after adding errors to <paramref name="diagnostics"/>, all
    /// pointing at <paramref name="location"/> (the preview project: properties have no line).
    /// </summary>
    public static GatewaySettings? Read(GatewaySettingsText text, SourceLocation location, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var before = diagnostics.Count(diagnostic => diagnostic.IsError);
        var settings = new GatewaySettings();

        var publicUrl = Trimmed(text.PublicUrl);
        if (publicUrl is not null)
        {
            if (TryReadPublicUrl(publicUrl, out var url))
            {
                settings = settings with { PublicUrl = url, Domain = url.IdnHost.TrimEnd('.').ToLowerInvariant() };
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.InvalidPublicUrl, location, publicUrl);
            }
        }

        if (Trimmed(text.Domain) is { } domain)
        {
            var normalized = domain.TrimEnd('.').ToLowerInvariant();
            if (!IsHostName(normalized))
            {
                diagnostics.Error(DiagnosticCodes.InvalidGatewayDomain, location, domain);
            }
            else if (settings.PublicUrl is not null && normalized != settings.Domain)
            {
                diagnostics.Error(DiagnosticCodes.DomainConflictsWithPublicUrl, location, domain, publicUrl, settings.Domain);
            }
            else
            {
                settings = settings with { Domain = normalized };
            }
        }

        if (Trimmed(text.BindAddress) is { } bind)
        {
            if (TryReadAddress(bind, out var address))
            {
                settings = settings with { BindAddress = address };
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.InvalidBindAddress, location, bind);
            }
        }

        if (Trimmed(text.Port) is { } port)
        {
            if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535)
            {
                settings = settings with { Port = number };
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.InvalidGatewayPort, location, port);
            }
        }

        switch (Trimmed(text.Auth)?.ToLowerInvariant())
        {
            case null or "token":
                break;
            case "none":
                settings = settings with { Auth = GatewayAuth.None };
                break;
            default:
                diagnostics.Error(DiagnosticCodes.InvalidAuthMode, location, text.Auth);
                break;
        }

        if (Trimmed(text.TrustedProxies) is { } proxies)
        {
            var networks = new List<IPNetwork>();
            foreach (var entry in proxies.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (TryReadNetwork(entry, out var network))
                {
                    networks.Add(network);
                }
                else
                {
                    diagnostics.Error(DiagnosticCodes.InvalidTrustedProxy, location, entry);
                }
            }

            settings = settings with { TrustedProxies = networks };
        }

        return diagnostics.Count(diagnostic => diagnostic.IsError) > before ? null : settings;
    }

    /// <summary>
    /// Checks that every host name the gateway will answer to (<c>&lt;service&gt;.&lt;environment&gt;.&lt;domain&gt;</c>)
    /// is a valid DNS name; reports PREVIEW1048 for the first that is not.
    /// </summary>
    public static bool CheckHostNames(GatewaySettings settings, string environment, IEnumerable<string> services, SourceLocation location, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var addresses = new GatewayAddresses(environment, settings.Domain, "http", null);
        foreach (var host in services.Select(addresses.ServiceHost).Prepend(addresses.DashboardHost).Prepend(addresses.EnvironmentHost))
        {
            if (!IsHostName(host))
            {
                diagnostics.Error(DiagnosticCodes.GatewayHostNameTooLong, location, host, environment);
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="host"/> is a DNS name: dot-separated labels of letters, digits and inner hyphens.</summary>
    public static bool IsHostName(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Length is 0 or > MaxHostLength || IPAddress.TryParse(host, out _))
        {
            return false;
        }

        return host.Split('.').All(label =>
            label.Length is > 0 and <= MaxLabelLength
            && label.All(character => char.IsAsciiLetterOrDigit(character) || character == '-')
            && label[0] != '-' && label[^1] != '-');
    }

    private static bool TryReadPublicUrl(string text, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || parsed.AbsolutePath != "/" || parsed.Query.Length > 0 || parsed.Fragment.Length > 0 || parsed.UserInfo.Length > 0
            || !IsHostName(parsed.IdnHost.TrimEnd('.').ToLowerInvariant()))
        {
            return false;
        }

        url = parsed;
        return true;
    }

    private static bool TryReadNetwork(string text, out IPNetwork network)
    {
        if (IPNetwork.TryParse(text, out network))
        {
            // IPNetwork accepts "10.0.0.1/8" (host bits set); a proxy list naming a host with a prefix is a typo.
            return network.BaseAddress.Equals(IPAddress.Parse(text.Split('/')[0]));
        }

        if (TryReadAddress(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    // IPAddress.TryParse takes "1" for 0.0.0.1 and "10.1" for 10.0.0.1; an address here is written in full.
    private static bool TryReadAddress(string text, out IPAddress address) =>
        IPAddress.TryParse(text, out address!)
        && (address.AddressFamily == AddressFamily.InterNetworkV6 ? text.Contains(':', StringComparison.Ordinal) : text.Count(character => character == '.') == 3);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
