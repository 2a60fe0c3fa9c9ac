using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Runs;

/// <summary>One seeding of one database: what to generate and how careful to be.</summary>
/// <param name="Settings">What to generate.</param>
public sealed record SeedRequest(SeedSettings Settings)
{
    /// <summary>
    /// The environment that owns the database: the guard refuses a database it did not create. Null only for a
    /// scratch database the caller created itself (the migration check), which skips the ownership check.
    /// </summary>
    public string? EnvironmentId { get; init; }

    /// <summary>Empty the tables first (TRUNCATE … RESTART IDENTITY CASCADE); without it, tables holding rows are refused.</summary>
    public bool Reset { get; init; }

    /// <summary>Tables never seeded besides the built-in ones (EF Core's <c>__EFMigrationsHistory</c>, PreviewSdk's own).</summary>
    public IReadOnlyList<string> ExcludedTables { get; init; } = [];

    /// <summary>Receives one line per step (schema read, plan, each table loaded), for the dashboard log.</summary>
    public Action<string>? Log { get; init; }
}
