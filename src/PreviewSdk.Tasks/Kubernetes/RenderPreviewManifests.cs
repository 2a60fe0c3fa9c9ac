using Microsoft.Build.Framework;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Manifests;
using PreviewSdk.Kubernetes.Rendering;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// <c>-t:PreviewRender</c>: writes the environment's manifests (one YAML file per object, in apply order, and a
/// README naming the Secrets) into <see cref="OutputDirectory"/>, and the cluster-wide sweeper's into its
/// <c>cluster/</c> folder. Deterministic: the same plan, profile, names and images give the same bytes.
/// </summary>
public sealed class RenderPreviewManifests : KubernetesRenderTask
{
    /// <summary>Where the files go (PreviewRenderDirectory).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var valid = TryReadEnvironmentProperties(out var identity);
        var settings = ReadSettings(registryRequired: false);
        if (!valid || settings is null)
        {
            return false;
        }

        var plan = PreviewSdk.Core.Planning.EnvironmentPlan.Read(PlanFile);
        var diagnostics = new DiagnosticBag();
        var prepared = Prepare(plan, identity, settings, diagnostics);
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

        Log.LogMessage(MessageImportance.High, $"Rendered preview '{EnvironmentName}' ({identity.Profile}) for namespace {environment.Namespace}: {written.Count - 1} objects in {folder} (the expiry CronJob, installed once per cluster, in {clusterFolder}).");
        return true;
    }
}
