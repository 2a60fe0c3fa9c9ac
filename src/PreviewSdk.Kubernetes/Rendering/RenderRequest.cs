using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// Everything one environment's manifests are made from: the validated plan the local target runs, the resolved
/// profile, the team and its budget, and where the cluster's images and links are. Nothing in it depends on the
/// clock or on randomness, which is what makes the rendered bytes the same for the same request.
/// </summary>
public sealed record RenderRequest
{
    /// <summary>The validated plan (preview.plan.json): services, dependencies, seeds.</summary>
    public required EnvironmentPlan Plan { get; init; }

    /// <summary>The profile the environment runs with, resolved from preview.yaml.</summary>
    public required EffectiveProfile Profile { get; init; }

    /// <summary>The environment's name (a DNS label).</summary>
    public required string Environment { get; init; }

    /// <summary>The team whose budget it counts against.</summary>
    public required string Team { get; init; }

    /// <summary>The team's budget, or null for none: caps the namespace's quota.</summary>
    public TeamBudget? Budget { get; init; }

    /// <summary>Who starts it (the git user, else the OS user).</summary>
    public required string Owner { get; init; }

    /// <summary>The git branch, when known.</summary>
    public string? Branch { get; init; }

    /// <summary>The time to live, counted from the namespace's creation.</summary>
    public required TimeSpan TimeToLive { get; init; }

    /// <summary>True when the environment never expires.</summary>
    public bool Keep { get; init; }

    /// <summary>Domain, ingress class, registry, authentication and the public address.</summary>
    public required KubernetesSettings Settings { get; init; }

    /// <summary>The image of each service, by service name.</summary>
    public required IReadOnlyDictionary<string, string> ServiceImages { get; init; }

    /// <summary>The images of PreviewSdk's own programs: gateway, seeder.</summary>
    public required ProductImages ProductImages { get; init; }

    /// <summary>preview.yaml's text, which the seeding Job reads as the app host does.</summary>
    public string ManifestText { get; init; } = string.Empty;

    /// <summary>Per seeded database with a <c>migrations.sql</c> folder: its files by name (ordinal order), which the seeding Job applies first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SqlMigrations { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>
    /// Per seeded database migrated by a service with an <c>efcore:</c> project: the ids of the project's migrations,
    /// read from its source, which the seeding Job waits to find in the database before it seeds.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> EfCoreMigrations { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>The images of PreviewSdk's programs that run in an environment's namespace and the cluster's.</summary>
/// <param name="Gateway">The standalone gateway (PreviewSdk.Gateway.Host).</param>
/// <param name="Seeder">The seeding Job's program (PreviewSdk.Seeding.Runner).</param>
/// <param name="Sweeper">The expiry CronJob's program (PreviewSdk.Kubernetes.Sweeper).</param>
public sealed record ProductImages(string Gateway, string Seeder, string Sweeper);
