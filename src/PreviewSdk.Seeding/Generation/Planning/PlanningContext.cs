using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>A table's row count lowered to what one of its unique keys can hold.</summary>
/// <param name="Rows">The rows the key allows.</param>
/// <param name="Key">The key, for the note: <c>status_pkey (jobstatus)</c>.</param>
internal sealed record RowLimit(long Rows, string Key);

/// <summary>What every step of planning reads: the schema, the settings resolved to its tables and columns, and where problems go.</summary>
internal sealed class PlanningContext
{
    private readonly Dictionary<(string Table, string Column), ColumnOverride> overrides;

    /// <summary>A context for one plan.</summary>
    public PlanningContext(
        DatabaseSchema schema,
        SeedSettings settings,
        Dictionary<(string Table, string Column), ColumnOverride> overrides,
        DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, RowLimit>? rowLimits = null)
    {
        Schema = schema;
        Settings = settings;
        this.overrides = overrides;
        Diagnostics = diagnostics;
        RowLimits = rowLimits ?? new Dictionary<string, RowLimit>(StringComparer.Ordinal);
    }

    /// <summary>Tables whose default row count a unique key cannot reach, lowered to what it can (found by an earlier pass).</summary>
    public IReadOnlyDictionary<string, RowLimit> RowLimits { get; }

    /// <summary>Limits this pass found that <see cref="RowLimits"/> does not have yet: planning runs again with them.</summary>
    public Dictionary<string, RowLimit> NewRowLimits { get; } = new(StringComparer.Ordinal);

    /// <summary>The database's tables.</summary>
    public DatabaseSchema Schema { get; }

    /// <summary>The seed settings.</summary>
    public SeedSettings Settings { get; }

    /// <summary>Where problems go.</summary>
    public DiagnosticBag Diagnostics { get; }

    /// <summary>Plan-time notes for the log and the seed report.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The whole-file location, for problems without a more precise place.</summary>
    public SourceLocation FileLocation => new(Settings.SourceFile, 0, 0);

    /// <summary>The override of a column, or null.</summary>
    public ColumnOverride? OverrideOf(TableSchema table, string column) =>
        overrides.GetValueOrDefault((table.DisplayName, column));

    /// <summary>The settings of a table, or null.</summary>
    public TableSeedSettings? SettingsOf(TableSchema table) => Settings.Tables.GetValueOrDefault(table.DisplayName);

    /// <summary>True when the table is left empty by a <c>skip</c>.</summary>
    public bool IsSkipped(TableSchema table) => SettingsOf(table)?.Skip == true;

    /// <summary>Where a table's problems are reported: its seed entry, else the file.</summary>
    public SourceLocation LocationOf(TableSchema table) => SettingsOf(table)?.Location ?? FileLocation;

    /// <summary>Where an override's problems are reported: the override, else the file.</summary>
    public SourceLocation LocationOf(ColumnOverride columnOverride) => columnOverride.Location ?? FileLocation;

    /// <summary>
    /// Records that <paramref name="table"/> can have only <paramref name="capacity"/> rows because of its unique key
    /// <paramref name="key"/>, when its row count is preview.yaml's default (a count the user set stays, and is
    /// PREVIEW4020): a lookup table keyed by a <c>char(1)</c> code has as many rows as there are codes. True when
    /// recorded.
    /// </summary>
    public bool LimitRows(TableSchema table, long capacity, string key)
    {
        var settings = SettingsOf(table);
        if (capacity < 1 || settings?.Rows is not null || settings?.PerParent is not null
            || (RowLimits.TryGetValue(table.DisplayName, out var known) && known.Rows <= capacity))
        {
            return false;
        }

        if (!NewRowLimits.TryGetValue(table.DisplayName, out var found) || found.Rows > capacity)
        {
            NewRowLimits[table.DisplayName] = new RowLimit(capacity, key);
        }

        return true;
    }

    /// <summary>The seed of a column's values.</summary>
    public ulong SeedOf(TableSchema table, string column) => Randomness.StableHash.ForColumn(Settings.Seed, table.DisplayName, column);
}
