using Microsoft.Build.Framework;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Kubernetes.Rendering;
using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// Base of the Kubernetes target's tasks: the target's properties (<c>PreviewKubeconfig</c>, <c>PreviewKubeContext</c>,
/// <c>PreviewRegistry</c>, <c>PreviewIngressClass</c>) and the gateway's (<c>PreviewDomain</c> …), validated together
/// (PREVIEW1140–1146, 1040–1048), and the images the build pushed.
/// </summary>
public abstract class KubernetesTask : PreviewTask
{
    /// <summary>The preview project file.</summary>
    [Required]
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>The environment's name; empty for the git branch.</summary>
    public string PreviewName { get; set; } = string.Empty;

    /// <summary>PreviewKubeconfig.</summary>
    public string Kubeconfig { get; set; } = string.Empty;

    /// <summary>PreviewKubeContext.</summary>
    public string KubeContext { get; set; } = string.Empty;

    /// <summary>PreviewRegistry.</summary>
    public string Registry { get; set; } = string.Empty;

    /// <summary>PreviewContainerRegistry: where the dependencies' images are pulled from (a mirror).</summary>
    public string ContainerRegistry { get; set; } = string.Empty;

    /// <summary>PreviewIngressClass.</summary>
    public string IngressClass { get; set; } = string.Empty;

    /// <summary>PreviewDomain.</summary>
    public string Domain { get; set; } = string.Empty;

    /// <summary>PreviewAuth.</summary>
    public string Auth { get; set; } = string.Empty;

    /// <summary>PreviewPublicUrl.</summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>PreviewTrustedProxies.</summary>
    public string TrustedProxies { get; set; } = string.Empty;

    /// <summary>PreviewTimeout, in seconds.</summary>
    public string Timeout { get; set; } = string.Empty;

    /// <summary>The SDK's version: the tag of PreviewSdk's own images.</summary>
    public string SdkVersion { get; set; } = "0.0.0";

    /// <summary>The images the build pushed: item spec the image's short name (a service, or gateway/seeder/sweeper), metadata <c>Digest</c>.</summary>
    public ITaskItem[] PushedImages { get; set; } = [];

    /// <summary>The environment's resolved name.</summary>
    protected string EnvironmentName => EnvironmentNames.Resolve(PreviewName, Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!);

    /// <summary>The project's location, for diagnostics about properties.</summary>
    protected SourceLocation Project => SourceLocation.WholeFile(ProjectPath);

    /// <summary>The settings, or null after reporting every problem.</summary>
    protected KubernetesSettings? ReadSettings(bool registryRequired)
    {
        var diagnostics = new DiagnosticBag();
        var settings = KubernetesSettingsReader.Read(
            new KubernetesSettingsText { Kubeconfig = Kubeconfig, Context = KubeContext, Registry = Registry, IngressClass = IngressClass },
            new GatewaySettingsText { Domain = Domain, Auth = Auth, PublicUrl = PublicUrl, TrustedProxies = TrustedProxies },
            registryRequired,
            Project,
            diagnostics);
        ReportAll(diagnostics);
        if (!PreviewProperties.TryReadContainerRegistry(this, ContainerRegistry, ProjectPath, out var containerRegistry))
        {
            return null;
        }

        return settings is null ? null : settings with { ContainerRegistry = containerRegistry };
    }

    /// <summary>The image of each service of <paramref name="app"/>, pinned to its digest when the build pushed it.</summary>
    protected Dictionary<string, string> ServiceImages(KubernetesSettings settings, string app, IEnumerable<string> services, string environment) =>
        services.ToDictionary(service => service, service => ImageNames.Service(settings.Registry, app, service, environment, Digest(service)), StringComparer.Ordinal);

    /// <summary>PreviewSdk's images, pinned to their digests when the build pushed them.</summary>
    protected ProductImages ProductImages(KubernetesSettings settings) =>
        ImageNames.Product(settings.Registry, SdkVersion, PushedImages.Where(item => item.GetMetadata("Digest").Length > 0).ToDictionary(item => item.ItemSpec, item => item.GetMetadata("Digest"), StringComparer.Ordinal));

    /// <summary>Reports every diagnostic of <paramref name="diagnostics"/>.</summary>
    protected void ReportAll(IEnumerable<PreviewDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Report(diagnostic);
        }
    }

    private string? Digest(string name) =>
        PushedImages.FirstOrDefault(item => item.ItemSpec == name)?.GetMetadata("Digest") is { Length: > 0 } digest ? digest : null;
}
