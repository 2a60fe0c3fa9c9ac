using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Lifecycle;
using PreviewSdk.Publishing.Context;
using PreviewSdk.Publishing.Runs;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// <c>-t:PreviewDown</c> on the Kubernetes target: deletes the environment's namespace, only when it carries this
/// environment's labels, then marks its pull request comment down: the one -t:Preview recorded on this machine, or
/// (a workflow that stops it on another runner, when the pull request closes) the one of this run's pull request.
/// </summary>
public sealed class StopKubernetesPreview : KubernetesTask
{
    /// <summary>The app name (preview.yaml's app:, else PreviewAppName), read from preview.yaml when it parses.</summary>
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>PreviewAppName: the app when preview.yaml names none.</summary>
    public string DefaultAppName { get; set; } = string.Empty;

    /// <summary>PreviewStateRoot: where -t:Preview recorded the pull request comment on this machine.</summary>
    public string StateRoot { get; set; } = string.Empty;

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
        if (!new KubernetesLifecycle(connection, this).DownAsync(app, EnvironmentName, ProjectPath, timeout, cancellationToken).GetAwaiter().GetResult())
        {
            return false;
        }

        var diagnosticsOfContext = new List<PreviewDiagnostic>();
        var context = PublishingContextResolver.ForStart(System.Environment.GetEnvironmentVariable, pullRequest: null, includeToken: false, ProjectPath, diagnosticsOfContext);
        diagnosticsOfContext.ForEach(Report);
        new EnvironmentPublisher(this).PublishDown(context, Core.Environments.StateRoot.Resolve(StateRoot), ProjectPath, EnvironmentName, cancellationToken, app);
        return true;
    }
}
