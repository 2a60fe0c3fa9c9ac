using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Lifecycle;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary><c>-t:PreviewList</c> on the Kubernetes target: deletes expired environments, then lists the cluster's environments from their namespaces' labels.</summary>
public sealed class ListKubernetesPreviews : KubernetesTask
{
    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        if (ReadSettings(registryRequired: false) is not { } settings)
        {
            return false;
        }

        var diagnostics = new DiagnosticBag();
        using var connection = ClusterConnection.Open(settings, Project, diagnostics);
        var reachable = connection is not null && connection.CheckAsync(Project, diagnostics, cancellationToken).GetAwaiter().GetResult();
        ReportAll(diagnostics);
        if (!reachable)
        {
            return false;
        }

        new KubernetesLifecycle(connection!, this).ListAsync(cancellationToken).GetAwaiter().GetResult();
        return true;
    }
}
