using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Limits;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Core.Links;

/// <summary>
/// The shareable links of a ready environment, all through its gateway: the directory page (with the token once, as
/// the shared link, and without it), the dashboard and every service with an HTTP endpoint.
/// </summary>
/// <remarks>
/// Only <see cref="SharedLink"/> carries the token; every other link is safe to show anywhere. Whoever opens the
/// shared link gets a cookie that opens the others. Files holding this record are private to their owner.
/// </remarks>
public sealed record EnvironmentLinks
{
    /// <summary>The environment's name.</summary>
    public required string Environment { get; init; }

    /// <summary>The profile it runs with.</summary>
    public required string Profile { get; init; }

    /// <summary>When it became ready (UTC).</summary>
    public required DateTimeOffset ReadyAt { get; init; }

    /// <summary>The links directory page, without the token: <c>http://&lt;env&gt;.&lt;domain&gt;:&lt;port&gt;/</c>.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// The link to share: the directory page with <c>?preview_token=…</c> when the gateway asks for a token, the
    /// same as <see cref="Directory"/> when it does not.
    /// </summary>
    public required string SharedLink { get; init; }

    /// <summary>True when the gateway asks for the token (<c>PreviewAuth=token</c>, the default).</summary>
    public bool TokenRequired { get; init; } = true;

    /// <summary>The Aspire dashboard through the gateway (no second login behind it); empty where none runs (a cluster).</summary>
    public required string Dashboard { get; init; }

    /// <summary>One link per service endpoint, through the gateway, in model order.</summary>
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
    /// <paramref name="change"/> applied, under the links' own lock: the app host's state reporter, the dashboard's
    /// commands and -t:PreviewSeed / -t:PreviewRotateToken each read, change and write the file, and without the lock
    /// one would write back what it read before another's change. A change that returns its input writes nothing.
    /// Returns the links as they are now, or null when the environment has none yet (nothing is written then).
    /// </summary>
    public static EnvironmentLinks? Update(string stateFolder, Func<EnvironmentLinks, EnvironmentLinks> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // The lock file stays (the state folder goes with the environment): deleting it on release would let a
        // waiter that had opened the old file lock it while a third process locks a new one.
        using var exclusive = RegistryLock.Acquire(Path.Combine(stateFolder, StateFiles.LinksLock), TimeSpan.FromSeconds(30));
        if (StateJson.TryRead<EnvironmentLinks>(Path.Combine(stateFolder, StateFiles.LinksJson)) is not { } links)
        {
            return null;
        }

        var changed = change(links);
        if (!ReferenceEquals(changed, links))
        {
            Write(stateFolder, changed);
        }

        return changed;
    }

    /// <summary>
    /// Writes <paramref name="links"/> as the environment's links.json and links.md, readable by the owner only (the
    /// shared link carries the token).
    /// </summary>
    public static void Write(string stateFolder, EnvironmentLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        StateJson.WritePrivate(Path.Combine(stateFolder, StateFiles.LinksJson), links);
        StateJson.WritePrivateText(Path.Combine(stateFolder, StateFiles.LinksMarkdown), LinksRenderer.RenderMarkdown(links));
    }

    /// <summary>
    /// The links of <paramref name="environment"/> behind its gateway at <paramref name="addresses"/>: one per
    /// service name in <paramref name="services"/>, and the shared link carrying <paramref name="token"/> (none
    /// when null: no authentication).
    /// </summary>
    public static EnvironmentLinks Through(GatewayAddresses addresses, string? token, string environment, string profile, DateTimeOffset readyAt, IEnumerable<string> services)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(services);
        return new EnvironmentLinks
        {
            Environment = environment,
            Profile = profile,
            ReadyAt = readyAt,
            Directory = addresses.DirectoryUrl,
            SharedLink = token is null ? addresses.DirectoryUrl : GatewayAddresses.WithToken(addresses.DirectoryUrl, token),
            TokenRequired = token is not null,
            Dashboard = addresses.DashboardUrl,
            Services = services.Select(service => new ServiceLink(service, addresses.ServiceUrl(service))
            {
                Http2Only = addresses.Http2Port is not null && addresses.Http2Services.Contains(service),
            }).ToList(),
        };
    }

    /// <summary>The same links with <paramref name="token"/> in the shared link (after <c>-t:PreviewRotateToken</c>).</summary>
    public EnvironmentLinks WithToken(string token) =>
        this with { SharedLink = GatewayAddresses.WithToken(Directory, token), TokenRequired = true };

    /// <summary>The same links with no token anywhere, for logs and listings.</summary>
    public EnvironmentLinks WithoutToken() => this with { SharedLink = Directory };
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

    /// <summary>
    /// True when the link is on the gateway's HTTP/2 port (a service that speaks HTTP/2 only, gRPC): clients call it
    /// with HTTP/2 prior knowledge. Left out of links.json when false.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Http2Only { get; init; }

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
    /// <summary>The seeding's warnings (no tables, the app's rows kept), reported by <c>-t:Preview</c> after the links.</summary>
    public IReadOnlyList<Diagnostics.PreviewDiagnostic> Warnings { get; init; } = [];

    /// <summary>How the rows got there: <see cref="Seeded"/> or <see cref="ClonedFromTemplate"/>.</summary>
    public string Source { get; init; } = Seeded;

    /// <summary>The seeder generated and loaded the rows into this environment's database.</summary>
    public const string Seeded = "seeded";

    /// <summary>The database is a copy of a template built by an earlier environment of the same schema and seed.</summary>
    public const string ClonedFromTemplate = "cloned from template";

    /// <summary>One line for humans, e.g. <c>shopdb: 7 tables, 1,234 rows, seed 42, cloned from template</c>.</summary>
    public string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Database}: {Tables} tables, {Rows:N0} rows, seed {Seed}, {Source}");
}
