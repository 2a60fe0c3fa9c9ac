using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.MigrationWait;
using PreviewSdk.Seeding.Migrations;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// Turns what stopped a seeding outside the steps that report their own codes (a connection lost while waiting or
/// reading the schema, a file that cannot be read, a bug) into a coded diagnostic, so the seed resource's log shows
/// one line with a fix instead of a stack trace.
/// </summary>
public static class SeedFailure
{
    /// <summary>The diagnostic for <paramref name="error"/> while seeding <paramref name="database"/> as <paramref name="manifestPath"/> asks.</summary>
    /// <param name="error">What was thrown.</param>
    /// <param name="database">The database being seeded.</param>
    /// <param name="manifestPath">preview.yaml, where the diagnostic points.</param>
    public static PreviewDiagnostic Describe(Exception error, string database, string manifestPath)
    {
        ArgumentNullException.ThrowIfNull(error);
        var location = SourceLocation.WholeFile(manifestPath);
        return error switch
        {
            // Steps that know their own code carry it.
            MigrationCheckException migration => migration.Diagnostic,
            MigrationWaitException wait => wait.Diagnostic,
            PostgresException postgres => DiagnosticFactory.Create(
                DiagnosticCodes.SeedDatabaseError, location, database, $"{postgres.SqlState}: {OneLine(postgres.MessageText)}") with { Details = postgres.Detail },
            NpgsqlException or IOException or UnauthorizedAccessException or TimeoutException => DiagnosticFactory.Create(
                DiagnosticCodes.SeedDatabaseError, location, database, OneLine(error.Message)),
            _ => DiagnosticFactory.Create(DiagnosticCodes.SeedUnexpectedError, location, database, $"{error.GetType().Name}: {OneLine(error.Message)}"),
        };
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
