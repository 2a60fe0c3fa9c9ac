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

    /// <summary>These links with <paramref name="database"/>'s data row replaced (or added); without one when <paramref name="data"/> is null.</summary>
    public EnvironmentLinks WithData(string database, SeededDatabase? data) => this with
    {
        Data = [.. Data.Where(old => old.Database != database), .. data is null ? [] : new[] { data }],
    };

    /// <summary>
    /// Rewrites the links of the environment in <paramref name="stateFolder"/> (links.json and links.md) with
    /// <paramref name="change"/> applied; nothing when it has none yet.
    /// </summary>
    public static void Update(string stateFolder, Func<EnvironmentLinks, EnvironmentLinks> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (StateJson.TryRead<EnvironmentLinks>(Path.Combine(stateFolder, StateFiles.LinksJson)) is { } links)
        {
            Write(stateFolder, change(links));
        }
    }

    /// <summary>Writes <paramref name="links"/> as the environment's links.json and links.md.</summary>
    public static void Write(string stateFolder, EnvironmentLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        StateJson.Write(Path.Combine(stateFolder, StateFiles.LinksJson), links);
        File.WriteAllText(Path.Combine(stateFolder, StateFiles.LinksMarkdown), LinksRenderer.RenderMarkdown(links));
    }

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
