using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Settings;
using static PreviewSdk.Seeding.Tests.Generation.Db;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>How many rows each table gets: its setting or the default, times the profile's scale.</summary>
[TestClass]
public sealed class RowCountTests
{
    [TestMethod]
    public void Rows_are_the_setting_or_the_default_times_the_scale_rounded_and_at_least_one()
    {
        var schema = Database(Table("a", [Id()]), Table("b", [Id()]), Table("c", [Id()]));
        var settings = (Seeding.Settings(rows: 50) with { Scale = 0.25 })
            .With("b", new TableSeedSettings { Rows = 10 })
            .With("c", new TableSeedSettings { Rows = 1 });

        var plan = Seeding.Plan(schema, settings);

        Assert.AreEqual(13L, plan.Table("a").PlannedRows, "50 × 0.25 = 12.5, rounded away from zero");
        Assert.AreEqual(3L, plan.Table("b").PlannedRows);
        Assert.AreEqual(1L, plan.Table("c").PlannedRows, "never below one row");
        Assert.HasCount(13, plan.Table("a").Rows().ToList());
    }

    [TestMethod]
    public void Negative_rows_and_a_scale_that_is_not_above_zero_are_preview4028()
    {
        var schema = Database(Table("a", [Id()]));
        var settings = (Seeding.Settings() with { Scale = 0, DefaultRows = -1 }).With("a", new TableSeedSettings { Rows = -5 });

        var errors = Seeding.Errors(schema, settings);

        Assert.HasCount(3, errors.Where(e => e.Code == DiagnosticCodes.SeedRowCountInvalid).ToList(), Seeding.Describe(errors));
        Assert.Contains(
            "The seed setting rows of 'a' is -5, which is not a usable row count or scale. Fix: use a whole number of rows of 0 or more and a scale greater than 0, keeping every table at 1000000000 rows at most once scaled (per-parent tables: parent rows × max).",
            errors.Select(e => e.Message).ToList());
    }

    [TestMethod]
    public void Rows_times_a_scale_beyond_a_billion_are_preview4028_and_never_planned()
    {
        var schema = Database(Table("a", [Id()]), Table("b", [Id()]));
        var settings = (Seeding.Settings(rows: 50) with { Scale = 1e8 }).With("b", new TableSeedSettings { Rows = 1_000_000_000 });

        var errors = Seeding.Errors(schema, settings);

        Assert.HasCount(2, errors.Where(e => e.Code == DiagnosticCodes.SeedRowCountInvalid).ToList(), Seeding.Describe(errors));
        Assert.Contains("The seed setting default rows × scale (50 × 100000000) is 5000000000, which is not a usable row count or scale.",
            errors.Select(e => e.Message[..e.Message.IndexOf(" Fix:", StringComparison.Ordinal)]).ToList());
    }

    [TestMethod]
    public void Per_parent_rows_beyond_a_billion_are_preview4028()
    {
        var schema = Database(Table("orders", [Id()]), Table("lines", [Id(), Col("order_id", Int)], keys: [Fk("order_id", "orders")]));
        var settings = Seeding.Settings()
            .With("orders", new TableSeedSettings { Rows = 1_000_000 })
            .With("lines", new TableSeedSettings { PerParent = new PerParentSizing("orders", 1, 10_000) });

        var errors = Seeding.Errors(schema, settings);

        var error = errors.Single(e => e.Code == DiagnosticCodes.SeedRowCountInvalid);
        StringAssert.Contains(error.Message, "rows of 'lines' (1000000 parents × up to 10000 each) is 10000000000");
    }
}
