using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>Plans and generates in tests, failing with every diagnostic printed when planning does not go as expected.</summary>
internal static class Seeding
{
    public static SeedSettings Settings(long rows = 50, int seed = 7) => new() { Seed = seed, DefaultRows = rows };

    public static SeedSettings With(this SeedSettings settings, string table, TableSeedSettings tableSettings) =>
        settings with { Tables = new Dictionary<string, TableSeedSettings>(settings.Tables) { [table] = tableSettings } };

    public static SeedSettings With(this SeedSettings settings, string column, ColumnOverride columnOverride) =>
        settings with { Columns = new Dictionary<string, ColumnOverride>(settings.Columns) { [column] = columnOverride } };

    /// <summary>The plan, asserting there were no errors.</summary>
    public static SeedPlan Plan(DatabaseSchema schema, SeedSettings settings)
    {
        var result = SeedPlanner.Plan(schema, settings);
        Assert.IsNotNull(result.Plan, "Planning failed:\n" + Describe(result.Diagnostics));
        Assert.IsEmpty(result.Diagnostics.Where(d => d.IsError).ToList(), Describe(result.Diagnostics));
        return result.Plan;
    }

    /// <summary>The diagnostics of a plan that must fail, asserting there is no plan.</summary>
    public static IReadOnlyList<PreviewDiagnostic> Errors(DatabaseSchema schema, SeedSettings settings)
    {
        var result = SeedPlanner.Plan(schema, settings);
        Assert.IsNull(result.Plan, "Planning should have failed");
        return result.Diagnostics;
    }

    /// <summary>Asserts exactly one diagnostic of <paramref name="code"/> and returns it.</summary>
    public static PreviewDiagnostic Single(IReadOnlyList<PreviewDiagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.HasCount(1, matching, $"Expected one {code}. Diagnostics were:\n" + Describe(diagnostics));
        return matching[0];
    }

    public static TablePlan Table(this SeedPlan plan, string name) => plan.Tables.Single(t => t.Table.DisplayName == name);

    /// <summary>Every row of a table, each as a column name → value map.</summary>
    public static List<Dictionary<string, object?>> Rows(this SeedPlan plan, string table)
    {
        var tablePlan = plan.Table(table);
        return tablePlan.Rows().Select(row => tablePlan.Columns.Select((c, i) => (c.Name, Value: row[i])).ToDictionary(x => x.Name, x => x.Value)).ToList();
    }

    /// <summary>Every value of one column.</summary>
    public static List<object?> Column(this SeedPlan plan, string table, string column)
    {
        var tablePlan = plan.Table(table);
        var index = tablePlan.Columns.ToList().FindIndex(c => c.Name == column);
        Assert.IsGreaterThanOrEqualTo(0, index, $"{table}.{column} is not written");
        return tablePlan.Rows().Select(row => row[index]).ToList();
    }

    public static string Describe(IEnumerable<PreviewDiagnostic> diagnostics) => string.Join('\n', diagnostics.Select(d => d.ToString()));
}
