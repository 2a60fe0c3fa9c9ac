using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Settings;

/// <summary>
/// How to seed one database: what preview.yaml's <c>seed:</c> entry for it says, with the profile's scale already
/// chosen. Plain data, so tests and the benchmark build it in code.
/// </summary>
public sealed record SeedSettings
{
    /// <summary>The random seed: the same schema, seed and row counts give the same rows on every machine.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Rows for a table preview.yaml does not size (before <see cref="Scale"/>).</summary>
    public long DefaultRows { get; init; } = 50;

    /// <summary>The profile's factor applied to every table's row count (rounded, at least 1 row).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>
    /// The fixed "now" that dates are generated around (never the clock, or two runs would differ). Dates fall in
    /// the years before it; birth dates 18–90 years before it.
    /// </summary>
    public DateTime ReferenceDate { get; init; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Per-table settings by table display name (<c>orders</c>, or <c>sales.orders</c> outside public).</summary>
    public IReadOnlyDictionary<string, TableSeedSettings> Tables { get; init; } = new Dictionary<string, TableSeedSettings>();

    /// <summary>Per-column overrides by <c>table.column</c> (<c>schema.table.column</c> outside public).</summary>
    public IReadOnlyDictionary<string, ColumnOverride> Columns { get; init; } = new Dictionary<string, ColumnOverride>();

    /// <summary>The file the settings come from (preview.yaml), for diagnostics without a more precise place.</summary>
    public string SourceFile { get; init; } = "preview.yaml";
}

/// <summary>What preview.yaml says about one table.</summary>
public sealed record TableSeedSettings
{
    /// <summary>Rows to generate (before the profile's scale); null for the default or when sized per parent.</summary>
    public long? Rows { get; init; }

    /// <summary>Size the table per row of a parent table (e.g. 1–5 order lines per order) instead of by <see cref="Rows"/>.</summary>
    public PerParentSizing? PerParent { get; init; }

    /// <summary>Leave the table empty (its foreign keys from other tables must then be nullable).</summary>
    public bool Skip { get; init; }

    /// <summary>Where the table's entry is written, for diagnostics.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>Between <paramref name="Min"/> and <paramref name="Max"/> child rows for each row of <paramref name="Parent"/>.</summary>
/// <param name="Parent">The parent table's display name; the child must have a foreign key to it.</param>
/// <param name="Min">The fewest children per parent (0 or more).</param>
/// <param name="Max">The most children per parent (at least <paramref name="Min"/>).</param>
public sealed record PerParentSizing(string Parent, int Min, int Max);
