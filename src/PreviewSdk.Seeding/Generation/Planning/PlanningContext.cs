using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>What every step of planning reads: the schema, the settings resolved to its tables and columns, and where problems go.</summary>
internal sealed class PlanningContext
{
    private readonly Dictionary<(string Table, string Column), ColumnOverride> overrides;

    /// <summary>A context for one plan.</summary>
    public PlanningContext(
        DatabaseSchema schema,
        SeedSettings settings,
        Dictionary<(string Table, string Column), ColumnOverride> overrides,
        DiagnosticBag diagnostics)
    {
        Schema = schema;
        Settings = settings;
        this.overrides = overrides;
        Diagnostics = diagnostics;
    }

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

    /// <summary>The seed of a column's values.</summary>
    public ulong SeedOf(TableSchema table, string column) => Randomness.StableHash.ForColumn(Settings.Seed, table.DisplayName, column);
}
