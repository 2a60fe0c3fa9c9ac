using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Lifecycle;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary><c>-t:PreviewDown</c> on the Kubernetes target: deletes the environment's namespace, only when it carries this environment's labels.</summary>
public sealed class StopKubernetesPreview : KubernetesTask
{
    /// <summary>The app name (preview.yaml's app:, else PreviewAppName), read from preview.yaml when it parses.</summary>
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>PreviewAppName: the app when preview.yaml names none.</summary>
    public string DefaultAppName { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        if (!PreviewProperties.TryReadSeconds(this, "PreviewTimeout", Timeout, ProjectPath, out var timeout) || ReadSettings(registryRequired: false) is not { } settings)
        {
            return false;
        }

        var diagnostics = new DiagnosticBag();
        using var connection = ClusterConnection.Open(settings, Project, diagnostics);
        ReportAll(diagnostics);
        if (connection is null)
        {
            return false;
        }

        var app = ManifestReader.ReadFile(Path.GetFullPath(ManifestPath)).Manifest?.App?.Value ?? ResourceName.Normalize(DefaultAppName);
        return new KubernetesLifecycle(connection, this).DownAsync(app, EnvironmentName, ProjectPath, timeout, cancellationToken).GetAwaiter().GetResult();
    }
}
