using System.Collections.Concurrent;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

/// <summary>Keeps what the lifecycle reports, as the MSBuild tasks would log it; safe to share between threads.</summary>
internal sealed class RecordingReporter : IPreviewReporter
{
    private readonly ConcurrentQueue<string> messages = new();
    private readonly ConcurrentQueue<PreviewDiagnostic> diagnostics = new();

    public IReadOnlyList<string> Messages => messages.ToList();

    public IReadOnlyList<PreviewDiagnostic> Diagnostics => diagnostics.ToList();

    public void Info(string message) => messages.Enqueue(message);

    public void Report(PreviewDiagnostic diagnostic) => diagnostics.Enqueue(diagnostic);

    public override string ToString() =>
        string.Join('\n', messages.Concat(diagnostics.Select(diagnostic => $"{diagnostic.Code}: {diagnostic.Message}\n{diagnostic.Details}")));
}
