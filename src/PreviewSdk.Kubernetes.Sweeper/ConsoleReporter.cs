using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Kubernetes.Sweeper;

/// <summary>The sweep's report as the Job's log: messages to standard output, diagnostics to standard error.</summary>
internal sealed class ConsoleReporter : IPreviewReporter
{
    public bool Warned { get; private set; }

    public void Info(string message) => Console.WriteLine(message);

    public void Report(PreviewDiagnostic diagnostic)
    {
        Warned = true;
        Console.Error.WriteLine(diagnostic);
    }
}
