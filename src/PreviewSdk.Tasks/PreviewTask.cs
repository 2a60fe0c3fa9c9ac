using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Tasks;

/// <summary>
/// Base of PreviewSdk's tasks: runs the work with a cancellation token (Ctrl+C cancels it), logs coded
/// diagnostics in MSBuild's canonical form, and turns an unexpected exception into PREVIEW9001.
/// </summary>
public abstract class PreviewTask : Microsoft.Build.Utilities.Task, ICancelableTask, IPreviewReporter
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly DiagnosticLimiter limiter = new();

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        try
        {
            return ExecuteCore(cancellation.Token) && !Log.HasLoggedErrors;
        }
        catch (OperationCanceledException)
        {
            Log.LogMessage(MessageImportance.High, "Cancelled.");
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Report(DiagnosticFactory.Create(DiagnosticCodes.UnexpectedError, SourceLocation.WholeFile(BuildEngine?.ProjectFileOfTaskNode ?? string.Empty), GetType().Name, e.ToString()));
            return false;
        }
        finally
        {
            // One line per file for what the limiter held back, after what it let through.
            foreach (var summary in limiter.Summaries())
            {
                Write(summary);
            }
        }
    }

    /// <inheritdoc />
    public void Cancel() => cancellation.Cancel();

    /// <inheritdoc />
    public void Info(string message) => Log.LogMessage(MessageImportance.High, message);

    /// <inheritdoc />
    public void Report(PreviewDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (limiter.Admit(diagnostic))
        {
            Write(diagnostic);
        }
    }

    /// <summary>Does the task's work; returns false after logging an error.</summary>
    protected abstract bool ExecuteCore(CancellationToken cancellationToken);

    private void Write(PreviewDiagnostic diagnostic)
    {
        var file = string.IsNullOrEmpty(diagnostic.File) ? null : diagnostic.File;
        if (diagnostic.IsError)
        {
            Log.LogError(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
        }
        else
        {
            Log.LogWarning(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
        }

        if (diagnostic.Details is { Length: > 0 } details)
        {
            Log.LogMessage(MessageImportance.High, details);
        }
    }

    /// <summary>Reads preview.yaml and reports its diagnostics; null when it has an error (reported).</summary>
    protected Core.Manifest.PreviewManifest? ReadManifest(string manifestPath)
    {
        var result = Core.Manifest.ManifestReader.ReadFile(manifestPath);
        foreach (var diagnostic in result.Diagnostics)
        {
            Report(diagnostic);
        }

        return result.Diagnostics.Any(d => d.IsError) ? null : result.Manifest;
    }
}
