using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Kubernetes.Tests.Infrastructure;

/// <summary>Keeps what the lifecycle reports, for assertions.</summary>
internal sealed class RecordingReporter : IPreviewReporter
{
    public List<string> Messages { get; } = [];

    public List<PreviewDiagnostic> Diagnostics { get; } = [];

    public IEnumerable<string> Codes => Diagnostics.Select(diagnostic => diagnostic.Code);

    public string Text => string.Join("\n", Messages.Concat(Diagnostics.Select(diagnostic => diagnostic.ToString())));

    public void Info(string message) => Messages.Add(message);

    public void Report(PreviewDiagnostic diagnostic) => Diagnostics.Add(diagnostic);
}
