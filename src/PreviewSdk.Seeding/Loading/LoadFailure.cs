using Npgsql;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Loading;

/// <summary>Turns a database error during a load into <see cref="DiagnosticCodes.SeedLoadFailed"/>.</summary>
internal static class LoadFailure
{
    /// <summary>The diagnostic for <paramref name="error"/>, raised while <paramref name="step"/> (a table's name) was loading.</summary>
    public static PreviewDiagnostic Create(string step, NpgsqlException error, string sourceFile)
    {
        // The SQLSTATE and the constraint name say what to override; PostgreSQL's detail (the offending key) goes
        // under the message, which stays one line.
        var reason = error is PostgresException postgres
            ? postgres.ConstraintName is { } constraint
                ? $"{postgres.SqlState}: {postgres.MessageText} (constraint '{constraint}')"
                : $"{postgres.SqlState}: {postgres.MessageText}"
            : OneLine(error.Message);
        return DiagnosticFactory.Create(DiagnosticCodes.SeedLoadFailed, SourceLocation.WholeFile(sourceFile), step, reason) with
        {
            Details = (error as PostgresException)?.Detail,
        };
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
