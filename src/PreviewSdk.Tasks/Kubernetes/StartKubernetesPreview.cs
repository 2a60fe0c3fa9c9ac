using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Publishing.Context;
using PreviewSdk.Publishing.Runs;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Lifecycle;
using PreviewSdk.Kubernetes.Rendering;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// <c>-t:Preview</c> with <c>PreviewTarget=kubernetes</c>: renders the environment with the pushed images, applies
/// it server-side, waits for the rollout and prints the links; reports an environment that is already up. On failure
/// nothing of it stays on the cluster. Then publishes the links as the local target does (step summary, pull request
/// comment).
/// </summary>
public sealed class StartKubernetesPreview : KubernetesRenderTask
{
    /// <summary>PreviewRecreate.</summary>
    public bool Recreate { get; set; }

    /// <summary>PreviewPullRequest: the pull request to comment the links on; empty for the one of the GitHub Actions event.</summary>
    public string PullRequest { get; set; } = string.Empty;

    /// <summary>PreviewCommentToken: whether the comment and step summary may carry the access token.</summary>
    public string CommentToken { get; set; } = string.Empty;

    /// <summary>PreviewStateRoot: where the pull request comment is recorded for -t:PreviewDown on this machine.</summary>
    public string StateRoot { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var valid = PreviewProperties.TryReadSeconds(this, "PreviewTimeout", Timeout, ProjectPath, out var timeout)
            & TryReadEnvironmentProperties(out var identity)
            & PreviewProperties.TryReadPullRequest(this, PullRequest, ProjectPath, out var pullRequest)
            & PreviewProperties.TryReadSwitch(this, "PreviewCommentToken", CommentToken, ProjectPath, out var commentToken);
        var settings = ReadSettings(registryRequired: true);
        if (!valid || settings is null)
        {
            return false;
        }

        var plan = PreviewSdk.Core.Planning.EnvironmentPlan.Read(PlanFile);
        var diagnostics = new DiagnosticBag();
        Core.Sharing.GatewaySettingsReader.CheckHostNames(settings.Gateway, EnvironmentName, plan.Services.Select(service => service.Name), Project, diagnostics);
        var prepared = diagnostics.HasErrors ? null : Prepare(plan, identity, settings, diagnostics);
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
        var lifecycle = new KubernetesLifecycle(connection, this);
        if (!lifecycle.UpAsync(up, cancellationToken).GetAwaiter().GetResult())
        {
            return false;
        }

        if (lifecycle.Published is var (links, record))
        {
            var diagnosticsOfContext = new List<PreviewDiagnostic>();
            var context = PublishingContextResolver.ForStart(System.Environment.GetEnvironmentVariable, pullRequest, commentToken, ProjectPath, diagnosticsOfContext);
            diagnosticsOfContext.ForEach(Report);
            new EnvironmentPublisher(this).PublishUp(context, Core.Environments.StateRoot.Resolve(StateRoot), links, record, cancellationToken);
        }

        return true;
    }
}
