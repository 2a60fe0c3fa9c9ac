using System.Globalization;
using k8s.Models;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Kubernetes.Naming;

namespace PreviewSdk.Kubernetes.Cluster;

/// <summary>
/// An environment as its namespace describes it: the cluster's registry entry. Its expiry is the
/// <c>previewsdk.io/expires-at</c> annotation when set (by <c>-t:Preview</c>), else the namespace's creation time plus
/// its <c>previewsdk.io/ttl</c>, which holds for namespaces applied from rendered files too.
/// </summary>
public sealed record ClusterEnvironment(V1Namespace Namespace)
{
    /// <summary>The namespace's name.</summary>
    public string Name => Namespace.Metadata.Name;

    /// <summary>The environment's name.</summary>
    public string Environment => Label(ClusterLabels.Environment) ?? "?";

    /// <summary>The app.</summary>
    public string App => Label(ClusterLabels.App) ?? "?";

    /// <summary>The team, or null.</summary>
    public string? Team => Label(ClusterLabels.Team);

    /// <summary>The profile.</summary>
    public string Profile => Label(ClusterLabels.Profile) ?? "?";

    /// <summary>Who started it.</summary>
    public string? Owner => Annotation(ClusterLabels.OwnerName) ?? Label(ClusterLabels.Owner);

    /// <summary>When the namespace was created (UTC).</summary>
    public DateTimeOffset CreatedAt => Namespace.Metadata.CreationTimestamp is { } created
        ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc))
        : DateTimeOffset.UnixEpoch;

    /// <summary>True when it never expires.</summary>
    public bool Keep => Annotation(ClusterLabels.Keep) == "true";

    /// <summary>When it expires; null when kept or when it carries no time to live.</summary>
    public DateTimeOffset? ExpiresAt =>
        Keep ? null
        : DateTimeOffset.TryParse(Annotation(ClusterLabels.ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : DurationText.TryParse(Annotation(ClusterLabels.TimeToLive), out var ttl) ? CreatedAt + ttl
        : null;

    /// <summary>True when its expiry passed at <paramref name="now"/>.</summary>
    public bool HasExpired(DateTimeOffset now) => ExpiresAt is { } at && at <= now;

    /// <summary>True while the cluster deletes it.</summary>
    public bool IsTerminating => Namespace.Status?.Phase == "Terminating" || Namespace.Metadata.DeletionTimestamp is not null;

    /// <summary>The CPUs it counts against its team's budget.</summary>
    public double Cpus => double.TryParse(Annotation(ClusterLabels.Cpus), NumberStyles.Float, CultureInfo.InvariantCulture, out var cpus) ? cpus : 0;

    /// <summary>The bytes of memory it counts against its team's budget.</summary>
    public long MemoryBytes => long.TryParse(Annotation(ClusterLabels.MemoryBytes), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : 0;

    /// <summary>Its links directory page.</summary>
    public string? Directory => Annotation(ClusterLabels.Directory);

    /// <summary>True when the namespace carries the labels of <paramref name="app"/>'s environment <paramref name="environment"/>.</summary>
    public bool Is(string app, string environment) =>
        Label(ClusterLabels.ManagedBy) == ClusterLabels.ManagerValue && Label(ClusterLabels.App) == app && Label(ClusterLabels.Environment) == environment;

    /// <summary>The entry as the local registry's record, so budgets and listings use the same code for both targets.</summary>
    public EnvironmentRecord ToRecord() => new()
    {
        Name = Environment,
        App = App,
        Profile = Profile,
        EnvironmentId = Name,
        HostProcessId = 0,
        StartedAt = CreatedAt,
        Owner = Owner,
        Branch = Annotation(ClusterLabels.Branch),
        DashboardUrl = string.Empty,
        Team = Team,
        Cpus = Cpus,
        MemoryBytes = MemoryBytes,
        ExpiresAt = ExpiresAt,
        Keep = Keep,
    };

    private string? Label(string key) => Namespace.Metadata.Labels?.TryGetValue(key, out var value) == true ? value : null;

    private string? Annotation(string key) => Namespace.Metadata.Annotations?.TryGetValue(key, out var value) == true ? value : null;
}
