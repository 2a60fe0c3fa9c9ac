using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Generation;

/// <summary>
/// Generating rows failed in a way planning could not foresee (a unique constraint that ran out of distinct values
/// while redrawing). Carries the coded diagnostic to report.
/// </summary>
public sealed class SeedGenerationException : Exception
{
    /// <summary>An exception for <paramref name="diagnostic"/>.</summary>
    /// <param name="diagnostic">The coded problem.</param>
    public SeedGenerationException(PreviewDiagnostic diagnostic)
        : base(diagnostic.Message)
    {
        Diagnostic = diagnostic;
    }

    /// <summary>The coded problem.</summary>
    public PreviewDiagnostic Diagnostic { get; }
}
