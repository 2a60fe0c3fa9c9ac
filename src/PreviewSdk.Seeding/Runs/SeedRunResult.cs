using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Runs;

/// <summary>The outcome of a seeding: what was written, or why nothing was.</summary>
/// <param name="Summary">What was written; null when an error stopped it (then nothing was written).</param>
/// <param name="Diagnostics">Errors and warnings, all at once.</param>
public sealed record SeedRunResult(SeedSummary? Summary, IReadOnlyList<PreviewDiagnostic> Diagnostics)
{
    /// <summary>True when the database was seeded.</summary>
    public bool Succeeded => Summary is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>The database's section of <c>seed-report.md</c> (see <see cref="Reports.SeedReportMarkdown"/>), once seeded.</summary>
    public string? Report { get; init; }
}
