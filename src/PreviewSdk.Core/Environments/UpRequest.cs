using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Environments;

/// <summary>What <c>-t:Preview</c> asks for: which environment, from which built app host, with which settings.</summary>
public sealed record UpRequest
{
    /// <summary>The validated plan (its dependencies decide which local binaries must exist).</summary>
    public required EnvironmentPlan Plan { get; init; }

    /// <summary>The environment's name (already sanitised).</summary>
    public required string Name { get; init; }

    /// <summary>The profile to run with.</summary>
    public required string Profile { get; init; }

    /// <summary>The registry root.</summary>
    public required string StateRoot { get; init; }

    /// <summary>The built app host assembly (<c>TargetPath</c>).</summary>
    public required string AppHostPath { get; init; }

    /// <summary>The preview project file.</summary>
    public required string ProjectPath { get; init; }

    /// <summary>How long to wait for every resource to become healthy.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>
    /// What is about to run; null when not known. A running environment whose recorded fingerprint matches is only
    /// reported; changed services are restarted in it; any other change starts it anew.
    /// </summary>
    public EnvironmentFingerprint? Fingerprint { get; init; }

    /// <summary>Stop a running environment of the same name and start it anew.</summary>
    public bool Recreate { get; init; }

    /// <summary>The program that runs the app host (the <c>dotnet</c> host).</summary>
    public string DotnetHost { get; init; } = "dotnet";

    /// <summary>The team the environment counts against; null for none.</summary>
    public string? Team { get; init; }

    /// <summary>The team's budget, checked before anything starts; null for none.</summary>
    public TeamBudget? Budget { get; init; }

    /// <summary>What the environment counts against the budget; nothing when not given.</summary>
    public EnvironmentFootprint Footprint { get; init; } = new(0, 0);

    /// <summary>How long the environment lives from its start (<c>PreviewTtl</c>, else the profile's).</summary>
    public TimeSpan TimeToLive { get; init; } = Profiles.ProfileCatalog.LightweightTimeToLive;

    /// <summary>The profile's time to live, which <c>-t:PreviewExtend</c> grants again by default.</summary>
    public TimeSpan? DefaultTimeToLive { get; init; }

    /// <summary>How the environment's gateway is reached and whether it asks for the token.</summary>
    public Sharing.GatewaySettings Gateway { get; init; } = new();

    /// <summary>A webhook for this run's alerts (<c>PreviewAlertWebhook</c>, validated), handed to the app host; null for none.</summary>
    public string? AlertWebhook { get; init; }

    /// <summary>Exempt the environment from expiry (<c>PreviewKeep</c>); it still counts against the budget.</summary>
    public bool Keep { get; init; }

    /// <summary><c>PreviewContainerRegistry</c>: the registry that replaces the registry part of every dependency's image; null keeps them.</summary>
    public string? ContainerRegistry { get; init; }

    /// <summary>
    /// <c>PreviewContainerBaseImage</c>: the base image of services a profile runs as containers (it must be in a
    /// registry); null for the .NET SDK's default.
    /// </summary>
    public string? ContainerBaseImage { get; init; }

    /// <summary>
    /// <c>PreviewTemplates</c>: whether local PostgreSQL databases with a <c>seed:</c> entry are cloned from (and
    /// kept as) seeded-data templates under the state root.
    /// </summary>
    public bool Templates { get; init; } = true;

    /// <summary><c>PreviewTemplateRetention</c>: how long a template no environment used is kept.</summary>
    public TimeSpan TemplateRetention { get; init; } = PreviewSdk.Core.Templates.TemplateStore.DefaultRetention;

    /// <summary><c>PreviewTemplatesPerServer</c>: how many templates of one server are kept, the most recently used.</summary>
    public int TemplatesPerServer { get; init; } = PreviewSdk.Core.Templates.TemplateStore.DefaultPerServer;
}
