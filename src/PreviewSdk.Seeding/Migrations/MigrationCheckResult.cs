using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>The outcome of a migration check: what was checked, what changed, and every loss of data found.</summary>
/// <param name="Diagnostics">Every error found; empty when the check passed.</param>
public sealed record MigrationCheckResult(IReadOnlyList<PreviewDiagnostic> Diagnostics)
{
    /// <summary>The migrations applied before seeding.</summary>
    public IReadOnlyList<MigrationInfo> BaseMigrations { get; init; } = [];

    /// <summary>The migrations applied and checked one by one after seeding, in order.</summary>
    public IReadOnlyList<MigrationInfo> CheckedMigrations { get; init; } = [];

    /// <summary>The tables and rows right after seeding, at the base; null when the check stopped before.</summary>
    public CatalogSnapshot? Seeded { get; init; }

    /// <summary>The tables and rows after the last checked migration; null when the check stopped before.</summary>
    public CatalogSnapshot? Final { get; init; }

    /// <summary>What each checked migration changed, in order.</summary>
    public IReadOnlyList<SchemaChange> Changes { get; init; } = [];

    /// <summary>From the start of the check to the end of the teardown.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when every migration applied and none lost data.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
