namespace PreviewSdk.Gateway.Pages;

/// <summary>What the links directory page shows: the environment, and each resource with its link and live health.</summary>
public sealed record DirectoryModel
{
    /// <summary>The environment's name.</summary>
    public required string Environment { get; init; }

    /// <summary>The app (preview.yaml's <c>app:</c>), when known.</summary>
    public string? App { get; init; }

    /// <summary>The profile it runs with.</summary>
    public required string Profile { get; init; }

    /// <summary>The git branch it was started from.</summary>
    public string? Branch { get; init; }

    /// <summary>The commit it was started from (full hash).</summary>
    public string? Commit { get; init; }

    /// <summary>Who started it.</summary>
    public string? Owner { get; init; }

    /// <summary>When it started (UTC).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it stops itself (UTC); null when it is kept or has no time to live.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>True when it is exempt from expiry.</summary>
    public bool Keep { get; init; }

    /// <summary>True once every resource became healthy.</summary>
    public bool Ready { get; init; }

    /// <summary>The dashboard's link through the gateway.</summary>
    public required string DashboardUrl { get; init; }

    /// <summary>Every resource, in model order.</summary>
    public required IReadOnlyList<DirectoryEntry> Resources { get; init; }

    /// <summary>One line per seeded database, e.g. <c>shopdb: 4 tables, 823 rows, seed 42</c>.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    /// <summary>One line per limited service, e.g. <c>shop-api: cpu 1, memory 512 MiB (cgroup v2)</c>.</summary>
    public IReadOnlyList<string> Limits { get; init; } = [];

    /// <summary>When this model was taken (UTC).</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>One resource on the directory page.</summary>
/// <param name="Name">The resource's name.</param>
/// <param name="Url">Its link through the gateway; null for a resource without an HTTP endpoint (a database).</param>
/// <param name="State">Aspire's state text (Running, Starting, Finished …), or null while unknown.</param>
/// <param name="Health">Healthy, Unhealthy, Degraded, or null while unknown or without checks.</param>
public sealed record DirectoryEntry(string Name, string? Url, string? State, string? Health);

/// <summary>Where the directory page's model comes from: the app host's live view of its resources.</summary>
public interface IDirectorySource
{
    /// <summary>The model as of now.</summary>
    DirectoryModel Describe();
}
