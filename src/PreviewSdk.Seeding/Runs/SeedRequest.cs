using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Runs;

/// <summary>One seeding of one database: what to generate and how careful to be.</summary>
/// <param name="Settings">What to generate.</param>
public sealed record SeedRequest(SeedSettings Settings)
{
    /// <summary>
    /// The environment that owns the database: the guard refuses a database that does not carry this environment's
    /// mark (<see cref="Loading.SeedGuard.MarkAsync"/>), which only a database the environment created has. A scratch
    /// database (the migration check) is marked by whoever created it.
    /// </summary>
    public required string EnvironmentId { get; init; }

    /// <summary>Empty the tables first (TRUNCATE … RESTART IDENTITY CASCADE); without it, tables holding rows are refused.</summary>
    public bool Reset { get; init; }

    /// <summary>
    /// What to do when tables to seed already hold rows and <see cref="Reset"/> is not asked for. Without a policy
    /// (<see cref="ExistingRows.Fail"/>, the default of this API) the guard refuses with PREVIEW4043; an environment
    /// passes preview.yaml's <c>existing:</c>, <see cref="ExistingRows.Replace"/> unless set.
    /// </summary>
    public ExistingRows Existing { get; init; } = ExistingRows.Fail;

    /// <summary>Whether <see cref="Existing"/> was chosen in preview.yaml (or by its default there), so refusals name the setting.</summary>
    public bool ExistingFromManifest { get; init; }

    /// <summary>What creates the schema (<c>service 'migrator'</c>, <c>SQL folder db/</c>), for the zero-tables warning.</summary>
    public string? SchemaSource { get; init; }

    /// <summary>Tables never seeded besides the built-in ones (EF Core's <c>__EFMigrationsHistory</c>, PreviewSdk's own).</summary>
    public IReadOnlyList<string> ExcludedTables { get; init; } = [];

    /// <summary>Receives one line per step (schema read, plan, each table loaded), for the dashboard log.</summary>
    public Action<string>? Log { get; init; }
}
