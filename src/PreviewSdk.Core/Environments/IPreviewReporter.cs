using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Environments;

/// <summary>Where the lifecycle reports progress and problems; the MSBuild tasks forward it to the build log.</summary>
public interface IPreviewReporter
{
    /// <summary>A message the user should see (links, what happened).</summary>
    void Info(string message);

    /// <summary>A coded warning or error.</summary>
    void Report(PreviewDiagnostic diagnostic);
}
