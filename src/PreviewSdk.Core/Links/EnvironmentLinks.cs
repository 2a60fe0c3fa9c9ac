using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Limits;

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

    /// <summary>The databases filled with generated data, in model order; empty when none is seeded.</summary>
    public IReadOnlyList<SeededDatabase> Data { get; init; } = [];

    /// <summary>The services with CPU or memory limits and how each is kept, in model order; empty when none is limited.</summary>
    public IReadOnlyList<AppliedLimits> Limits { get; init; } = [];

    /// <summary>Builds the links of <paramref name="report"/>: every resource's HTTP(S) URLs.</summary>
    public static EnvironmentLinks From(string environment, string profile, ReadyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var services = report.Resources
            .SelectMany(resource => resource.Urls
                .Where(url => url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal))
                .Select(url => new ServiceLink(resource.Name, url) { State = LinkStates.Of(resource) }))
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
public sealed record ServiceLink(string Name, string Url)
{
    /// <summary>
    /// <see cref="LinkStates.Up"/>, or <see cref="LinkStates.Down"/> while the service is stopped, restarting or
    /// unhealthy (its own health check, or a dependency that is down); kept current by the app host.
    /// </summary>
    public string State { get; init; } = LinkStates.Up;

    /// <summary>True while the service behind the link is down.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsDown => State == LinkStates.Down;
}

/// <summary>The states of a link.</summary>
public static class LinkStates
{
    /// <summary>The service runs and is healthy.</summary>
    public const string Up = "up";

    /// <summary>The service is stopped, restarting or unhealthy.</summary>
    public const string Down = "down";

    /// <summary>
    /// The state of the links of <paramref name="resource"/>: up while it runs and is healthy (or has no health
    /// check), and while nothing is known of it yet; down otherwise.
    /// </summary>
    /// <param name="resource">The resource as last reported.</param>
    public static string Of(ResourceStatus resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.State is null || (resource.State == "Running" && resource.Health is null or "Healthy") ? Up : Down;
    }
}

/// <summary>What an environment's database was seeded with, for the links output.</summary>
/// <param name="Database">The database name.</param>
/// <param name="Seed">The random seed: the same seed gives the same rows.</param>
/// <param name="Tables">The number of tables filled.</param>
/// <param name="Rows">The number of rows written.</param>
public sealed record SeededDatabase(string Database, int Seed, int Tables, long Rows)
{
    /// <summary>One line for humans, e.g. <c>shopdb: 7 tables, 1,234 rows, seed 42</c>.</summary>
    public string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Database}: {Tables} tables, {Rows:N0} rows, seed {Seed}");
}
