using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Cluster;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// Before <c>-t:Preview</c> on the Kubernetes target builds or pushes an image: the target's properties are valid, the
/// kubeconfig parses and has the context, the cluster answers and accepts the credentials (PREVIEW1140–1146,
/// 7001–7005).
/// </summary>
public sealed class CheckKubernetesCluster : KubernetesTask
{
    /// <summary>Whether a registry is required (for -t:Preview) or not (for -t:PreviewDown, -t:PreviewList).</summary>
    public bool RegistryRequired { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var settings = ReadSettings(RegistryRequired);
        if (settings is null)
        {
            return false;
        }

        var diagnostics = new DiagnosticBag();
        using var connection = ClusterConnection.Open(settings, Project, diagnostics);
        var reachable = connection is not null && connection.CheckAsync(Project, diagnostics, cancellationToken).GetAwaiter().GetResult();
        ReportAll(diagnostics);
        return reachable;
    }
}
