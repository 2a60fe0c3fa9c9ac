using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>A step of the migration check failed in a way the user can fix; <see cref="Diagnostic"/> says how.</summary>
public sealed class MigrationCheckException : Exception
{
    /// <summary>Creates the exception for a coded diagnostic.</summary>
    /// <param name="diagnostic">The problem and its fix.</param>
    public MigrationCheckException(PreviewDiagnostic diagnostic)
        : base(diagnostic?.Message)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Diagnostic = diagnostic;
    }

    /// <summary>The problem and its fix.</summary>
    public PreviewDiagnostic Diagnostic { get; }
}
