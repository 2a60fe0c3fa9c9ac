using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>Reports a <c>PreviewTarget</c> that is neither <c>local</c> nor <c>kubernetes</c> (PREVIEW1140); the targets run it only then.</summary>
public sealed class CheckPreviewTarget : PreviewTask
{
    /// <summary>The preview project file.</summary>
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>PreviewTarget.</summary>
    public string Target { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var target = KubernetesSettingsReader.ReadTarget(Target, SourceLocation.WholeFile(ProjectPath), diagnostics);
        diagnostics.ToList().ForEach(Report);
        return target is not null;
    }
}
