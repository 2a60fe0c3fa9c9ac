using Microsoft.Build.Framework;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Lifecycle;
using PreviewSdk.Kubernetes.Rendering;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// <c>-t:Preview</c> with <c>PreviewTarget=kubernetes</c>: renders the environment with the pushed images, applies
/// it server-side, waits for the rollout and prints the links; reports an environment that is already up. On failure
/// nothing of it stays on the cluster.
/// </summary>
public sealed class StartKubernetesPreview : KubernetesTask
{
    /// <summary>The plan written by GeneratePreviewAppHost.</summary>
    [Required]
    public string PlanFile { get; set; } = string.Empty;

    /// <summary>preview.yaml.</summary>
    [Required]
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>The profile.</summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>PreviewTeam.</summary>
    public string Team { get; set; } = string.Empty;

    /// <summary>PreviewBudgetFile.</summary>
    public string BudgetFile { get; set; } = string.Empty;

    /// <summary>PreviewTtl.</summary>
    public string TimeToLive { get; set; } = string.Empty;

    /// <summary>PreviewKeep.</summary>
    public bool Keep { get; set; }

    /// <summary>PreviewRecreate.</summary>
    public bool Recreate { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var valid = PreviewProperties.TryReadSeconds(this, "PreviewTimeout", Timeout, ProjectPath, out var timeout)
            & PreviewProperties.TryReadProfile(this, Profile, ProjectPath, out var profile)
            & PreviewProperties.TryReadTeam(this, Team, ProjectPath, out var team)
            & PreviewProperties.TryReadTimeToLive(this, TimeToLive, ProjectPath, out var timeToLive);
        var settings = ReadSettings(registryRequired: true);
        if (!valid || settings is null)
        {
            return false;
        }

        var plan = PreviewSdk.Tasks.PlanFile.Read(PlanFile);
        var directory = Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!;
        var diagnostics = new DiagnosticBag();
        Core.Sharing.GatewaySettingsReader.CheckHostNames(settings.Gateway, EnvironmentName, plan.Services.Select(service => service.Name), Project, diagnostics);
        var prepared = diagnostics.HasErrors ? null : RenderInputs.Prepare(
            plan,
            Path.GetFullPath(ManifestPath),
            ProjectPath,
            new EnvironmentIdentity
            {
                Name = EnvironmentName,
                Profile = profile,
                Owner = EnvironmentOwner.Resolve(directory),
                Branch = EnvironmentNames.GitBranch(directory),
                Team = team,
                BudgetFile = BudgetFile,
                TimeToLive = timeToLive,
                Keep = Keep,
            },
            settings,
            ServiceImages(settings, plan.AppName, plan.Services.Select(service => service.Name), EnvironmentName),
            ProductImages(settings),
            diagnostics);
        using var connection = prepared is null ? null : ClusterConnection.Open(settings, Project, diagnostics);
        ReportAll(diagnostics);
        if (prepared is not { } inputs || connection is null)
        {
            return false;
        }

        var up = new KubernetesUpRequest
        {
            Environment = EnvironmentRenderer.Render(inputs.Request),
            Request = inputs.Request,
            Footprint = inputs.Footprint,
            ProjectPath = ProjectPath,
            Timeout = timeout,
            Recreate = Recreate,
            Sweeper = SweeperObjects.Render(inputs.Request.ProductImages.Sweeper, SdkVersion),
            SdkVersion = SdkVersion,
        };
        return new KubernetesLifecycle(connection, this).UpAsync(up, cancellationToken).GetAwaiter().GetResult();
    }
}
