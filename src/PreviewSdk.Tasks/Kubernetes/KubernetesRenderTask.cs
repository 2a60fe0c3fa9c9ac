using Microsoft.Build.Framework;
using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Planning;
using PreviewSdk.Kubernetes.Rendering;
using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// Base of the tasks that render an environment (<c>-t:PreviewRender</c>, and <c>-t:Preview</c> on a cluster): the
/// plan, preview.yaml and the environment's profile, team, budget and time to live, read and turned into the
/// renderer's inputs the same way for both, so a render shows exactly what a start applies.
/// </summary>
public abstract class KubernetesRenderTask : KubernetesTask
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

    /// <summary>The profile, team and time to live properties, each problem reported; false when one is invalid.</summary>
    protected bool TryReadEnvironmentProperties(out EnvironmentIdentity identity)
    {
        var valid = PreviewProperties.TryReadProfile(this, Profile, ProjectPath, out var profile)
            & PreviewProperties.TryReadTeam(this, Team, ProjectPath, out var team)
            & PreviewProperties.TryReadTimeToLive(this, TimeToLive, ProjectPath, out var timeToLive);
        var directory = Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!;
        identity = new EnvironmentIdentity
        {
            Name = EnvironmentName,
            Profile = profile,
            Owner = EnvironmentOwner.Resolve(directory),
            Branch = EnvironmentNames.GitBranch(directory),
            Team = team,
            BudgetFile = BudgetFile,
            TimeToLive = timeToLive,
            Keep = Keep,
        };
        return valid;
    }

    /// <summary>The renderer's inputs for <paramref name="plan"/> with the build's images, or null after adding the problems to <paramref name="diagnostics"/>.</summary>
    protected (RenderRequest Request, EnvironmentFootprint Footprint)? Prepare(
        EnvironmentPlan plan, EnvironmentIdentity identity, KubernetesSettings settings, DiagnosticBag diagnostics) =>
        RenderInputs.Prepare(
            plan,
            Path.GetFullPath(ManifestPath),
            ProjectPath,
            identity,
            settings,
            ServiceImages(settings, plan.AppName, plan.Services.Select(service => service.Name), EnvironmentName),
            ProductImages(settings),
            diagnostics);
}
