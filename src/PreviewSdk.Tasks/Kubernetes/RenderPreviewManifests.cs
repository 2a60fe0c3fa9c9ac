using Microsoft.Build.Framework;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Kubernetes.Manifests;
using PreviewSdk.Kubernetes.Rendering;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// <c>-t:PreviewRender</c>: writes the environment's manifests (one YAML file per object, in apply order, and a
/// README naming the Secrets) into <see cref="OutputDirectory"/>, and the cluster-wide sweeper's into its
/// <c>cluster/</c> folder. Deterministic: the same plan, profile, names and images give the same bytes.
/// </summary>
public sealed class RenderPreviewManifests : KubernetesTask
{
    /// <summary>The plan written by GeneratePreviewAppHost.</summary>
    [Required]
    public string PlanFile { get; set; } = string.Empty;

    /// <summary>preview.yaml.</summary>
    [Required]
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>Where the files go (PreviewRenderDirectory).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

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

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var valid = PreviewProperties.TryReadProfile(this, Profile, ProjectPath, out var profile)
            & PreviewProperties.TryReadTeam(this, Team, ProjectPath, out var team)
            & PreviewProperties.TryReadTimeToLive(this, TimeToLive, ProjectPath, out var timeToLive);
        var settings = ReadSettings(registryRequired: false);
        if (!valid || settings is null)
        {
            return false;
        }

        var plan = PreviewSdk.Tasks.PlanFile.Read(PlanFile);
        var directory = Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!;
        var diagnostics = new DiagnosticBag();
        var prepared = RenderInputs.Prepare(
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
        ReportAll(diagnostics);
        if (prepared is not { } inputs)
        {
            return false;
        }

        var environment = EnvironmentRenderer.Render(inputs.Request);
        var folder = Path.GetFullPath(OutputDirectory);
        var written = ManifestWriter.Write(environment, folder);
        var cluster = SweeperObjects.Render(inputs.Request.ProductImages.Sweeper, SdkVersion);
        var clusterFolder = Path.Combine(folder, "cluster");
        Directory.CreateDirectory(clusterFolder);
        for (var index = 0; index < cluster.Count; index++)
        {
            File.WriteAllText(Path.Combine(clusterFolder, $"{index:00}-{cluster[index].Kind.ToLowerInvariant()}-{cluster[index].Metadata.Name}.yaml"), ManifestWriter.Serialize(cluster[index]));
        }

        Log.LogMessage(MessageImportance.High, $"Rendered preview '{EnvironmentName}' ({profile}) for namespace {environment.Namespace}: {written.Count - 1} objects in {folder} (the expiry CronJob, installed once per cluster, in {clusterFolder}).");
        return true;
    }
}
