using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Links;

/// <summary>The shareable links of a ready environment: its dashboard and every service with an HTTP endpoint.</summary>
public sealed record EnvironmentLinks
{
    /// <summary>The environment's name.</summary>
    public required string Environment { get; init; }

    /// <summary>The profile it runs with.</summary>
    public required string Profile { get; init; }

    /// <summary>When it became ready (UTC).</summary>
    public required DateTimeOffset ReadyAt { get; init; }

    /// <summary>The dashboard's login address, token included.</summary>
    public required string Dashboard { get; init; }

    /// <summary>One link per service endpoint, in model order.</summary>
    public required IReadOnlyList<ServiceLink> Services { get; init; }

    /// <summary>Builds the links of <paramref name="report"/>: every resource's HTTP(S) URLs.</summary>
    public static EnvironmentLinks From(string environment, string profile, ReadyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var services = report.Resources
            .SelectMany(resource => resource.Urls
                .Where(url => url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal))
                .Select(url => new ServiceLink(resource.Name, url)))
            .ToList();
        return new EnvironmentLinks
        {
            Environment = environment,
            Profile = profile,
            ReadyAt = report.ReadyAt,
            Dashboard = report.DashboardLoginUrl,
            Services = services,
        };
    }
}

/// <summary>A link to one endpoint of a service.</summary>
/// <param name="Name">The service's resource name.</param>
/// <param name="Url">The endpoint's address.</param>
public sealed record ServiceLink(string Name, string Url);
