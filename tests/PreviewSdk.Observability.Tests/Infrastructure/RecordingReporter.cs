using System.Collections.Concurrent;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Observability.Tests.Infrastructure;

/// <summary>Keeps what a run reports, as the MSBuild task would log it.</summary>
internal sealed class RecordingReporter : IPreviewReporter
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ConcurrentQueue<PreviewDiagnostic> Diagnostics { get; } = new();

    public void Info(string message) => Lines.Enqueue(message);

    public void Report(PreviewDiagnostic diagnostic) => Diagnostics.Enqueue(diagnostic);
}
