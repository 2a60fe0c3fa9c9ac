namespace PreviewSdk.Core.Diagnostics;

/// <summary>How a <see cref="PreviewDiagnostic"/> affects the build.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The build fails; no plan is produced.</summary>
    Error,

    /// <summary>The build goes on; the user should still look at it.</summary>
    Warning,
}
