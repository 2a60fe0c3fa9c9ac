using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Lifecycle;
using PreviewSdk.Kubernetes.Rendering;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// <c>-t:Preview</c> with <c>PreviewTarget=kubernetes</c>: renders the environment with the pushed images, applies
/// it server-side, waits for the rollout and prints the links; reports an environment that is already up. On failure
/// nothing of it stays on the cluster.
/// </summary>
public sealed class StartKubernetesPreview : KubernetesRenderTask
{
    /// <summary>PreviewRecreate.</summary>
    public bool Recreate { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var valid = PreviewProperties.TryReadSeconds(this, "PreviewTimeout", Timeout, ProjectPath, out var timeout)
            & TryReadEnvironmentProperties(out var identity);
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
        return new KubernetesLifecycle(connection, this).UpAsync(up, cancellationToken).GetAwaiter().GetResult();
    }
}
