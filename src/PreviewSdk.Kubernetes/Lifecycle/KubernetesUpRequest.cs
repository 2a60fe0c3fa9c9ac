using PreviewSdk.Kubernetes.Rendering;

namespace PreviewSdk.Kubernetes.Lifecycle;

/// <summary>What <c>-t:Preview</c> on the Kubernetes target brings up.</summary>
public sealed record KubernetesUpRequest
{
    /// <summary>The rendered environment.</summary>
    public required RenderedEnvironment Environment { get; init; }

    /// <summary>What it was rendered from (team, budget, profile, time to live).</summary>
    public required RenderRequest Request { get; init; }

    /// <summary>The CPU and memory it counts against its team's budget.</summary>
    public required Core.Budgets.EnvironmentFootprint Footprint { get; init; }

    /// <summary>The preview project, where diagnostics point.</summary>
    public required string ProjectPath { get; init; }

    /// <summary>How long the rollout may take (<c>PreviewTimeout</c>).</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Delete a running environment of the same name and apply it anew (<c>PreviewRecreate</c>).</summary>
    public bool Recreate { get; init; }

    /// <summary>The sweeper CronJob's objects, installed when the cluster does not have this version of them.</summary>
    public IReadOnlyList<k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>> Sweeper { get; init; } = [];

    /// <summary>The SDK version the sweeper objects carry.</summary>
    public string SdkVersion { get; init; } = string.Empty;

    /// <summary>The build's environment variables (external dependencies' credentials).</summary>
    public Func<string, string?> Variables { get; init; } = System.Environment.GetEnvironmentVariable;
}
