using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// A load failed in the database and was rolled back; <see cref="Diagnostic"/> says which table and why
/// (<see cref="DiagnosticCodes.SeedLoadFailed"/>). The message is the diagnostic's code and text.
/// </summary>
public sealed class SeedLoadException : Exception
{
    /// <summary>Creates the exception for <paramref name="diagnostic"/>.</summary>
    /// <param name="diagnostic">The coded error to report.</param>
    /// <param name="innerException">The database error behind it.</param>
    public SeedLoadException(PreviewDiagnostic diagnostic, Exception? innerException)
        : base($"{diagnostic.Code}: {diagnostic.Message}", innerException)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Diagnostic = diagnostic;
    }

    /// <summary>The coded error, ready to log.</summary>
    public PreviewDiagnostic Diagnostic { get; }
}
