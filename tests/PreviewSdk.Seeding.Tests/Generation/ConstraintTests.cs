using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Settings;
using static PreviewSdk.Seeding.Tests.Generation.Db;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>Generated rows satisfy what the schema declares: types' limits, NOT NULL and CHECK constraints.</summary>
[TestClass]
public sealed class ConstraintTests
{
    [TestMethod]
    public void Lengths_precision_scale_and_nullability_hold_over_thousands_of_rows()
    {
        var table = Table("items", [
            Id(), Col("code", Char(3)), Col("name", Varchar(20)), Null("note", Varchar(5)), Col("description", Varchar(40)),
            Col("price", Numeric(6, 2)), Col("ratio", Numeric(3, 3)), Null("tiny", SmallInt), Col("email", Varchar(16))]);
        var rows = Seeding.Plan(Database(table), Seeding.Settings(rows: 5000)).Rows("items");

        Assert.IsTrue(rows.All(r => ((string)r["code"]!).Length <= 3));
        Assert.IsTrue(rows.All(r => ((string)r["name"]!).Length is > 0 and <= 20));
        Assert.IsTrue(rows.All(r => ((string)r["description"]!).Length <= 40));
        Assert.IsTrue(rows.All(r => ((string)r["email"]!).Length <= 16));
        Assert.IsTrue(rows.All(r => r["note"] is null || ((string)r["note"]!).Length <= 5));
        Assert.IsTrue(rows.All(r => (decimal)r["price"]! is >= -9999.99m and <= 9999.99m && ((decimal)r["price"]!).Scale == 2));
        Assert.IsTrue(rows.All(r => (decimal)r["ratio"]! is > -1m and < 1m), "numeric(3,3) holds values below 1");
        var nulls = rows.Count(r => r["note"] is null);
        Assert.IsTrue(nulls is > 300 and < 700, $"a nullable column gets some NULLs, about one in ten ({nulls} of 5000)");
        Assert.IsTrue(rows.All(r => r.Where(p => p.Key is not ("note" or "tiny")).All(p => p.Value is not null)), "NOT NULL columns never get NULL");
    }

    [TestMethod]
    public void Check_rules_hold_in_every_row()
    {
        CheckRule[] rules =
        [
            new CompareToConstant("price", ComparisonOperator.Greater, "0"),
            new CompareToConstant("price", ComparisonOperator.LessOrEqual, "50.5"),
            new CompareToConstant("quantity", ComparisonOperator.GreaterOrEqual, "10"),
            new CompareToConstant("starts_on", ComparisonOperator.GreaterOrEqual, "2030-01-01"),
            new InList("status", ["draft", "live"]),
            new CompareToConstant("status", ComparisonOperator.NotEqual, "draft"),
            new LengthCompare("title", ComparisonOperator.GreaterOrEqual, 12),
            new LengthCompare("title", ComparisonOperator.LessOrEqual, 14),
            new MatchesPattern("code", "^[A-Z]{3}-\\d{2,4}$"),
            new NotNull("remark"),
            new CompareColumns("ends_on", ComparisonOperator.Greater, "starts_on"),
            new AnyOf([[new IsNull("discount")], [new CompareToConstant("discount", ComparisonOperator.Less, "5")]]),
            new CompareToConstant("active", ComparisonOperator.Equal, "true"),
        ];
        var table = Table("offers", [
            Id(), Col("price", Numeric(10, 2)), Col("quantity", Int), Col("starts_on", Date), Col("ends_on", Date), Col("status", Text),
            Col("title", Text), Col("code", Text), Null("remark", Text), Null("discount", Int), Col("active", Bool)],
            checks: rules.Select((rule, i) => Check($"offers_check{i}", rule)).ToArray());

        var rows = Seeding.Plan(Database(table), Seeding.Settings(rows: 3000)).Rows("offers");

        foreach (var rule in rules)
        {
            var broken = rows.FirstOrDefault(row => !RuleCheck.Holds(rule, row));
            Assert.IsNull(broken, $"{rule} broken by {string.Join(", ", broken?.Select(p => $"{p.Key}={p.Value}") ?? [])}");
        }

        Assert.IsTrue(rows.All(r => (string)r["status"]! == "live"));
        Assert.IsGreaterThan(2000, rows.Count(r => r["discount"] is not null), "the OR's branch that keeps values is chosen over the one forcing NULL");
    }

    [TestMethod]
    public void Updated_at_follows_created_at_with_or_without_a_check()
    {
        var withCheck = Table("posts", [Id(), Col("CreatedAt", TimestampTz), Col("UpdatedAt", TimestampTz)],
            checks: [Check("posts_dates", new CompareColumns("CreatedAt", ComparisonOperator.LessOrEqual, "UpdatedAt"))]);
        var inferred = Table("comments", [Id(), Col("updated_at", Timestamp), Col("created_at", Timestamp), Null("deleted_at", Timestamp)]);
        var plan = Seeding.Plan(Database(withCheck, inferred), Seeding.Settings(rows: 2000));

        var reference = new DateTime(2025, 1, 1);
        foreach (var row in plan.Rows("posts"))
        {
            Assert.IsLessThanOrEqualTo((DateTime)row["UpdatedAt"]!, (DateTime)row["CreatedAt"]!);
        }

        foreach (var row in plan.Rows("comments"))
        {
            var created = (DateTime)row["created_at"]!;
            Assert.IsLessThanOrEqualTo((DateTime)row["updated_at"]!, created);
            Assert.IsTrue(row["deleted_at"] is null || (DateTime)row["deleted_at"]! >= created, "deleted after created");
            Assert.IsTrue(created >= reference.AddYears(-3) && created <= reference, "created in the three years before the reference date");
            Assert.IsLessThanOrEqualTo(reference, (DateTime)row["updated_at"]!, "never after the reference date");
        }
    }

    [TestMethod]
    public void Domain_checks_apply_to_the_columns_of_the_domain()
    {
        var positive = Domain("positive_amount", Numeric(8, 2), Check("positive_amount_check", new CompareToConstant("VALUE", ComparisonOperator.Greater, "100")));
        var postcode = Domain("us_postcode", Text, Check("us_postcode_check", new MatchesPattern("VALUE", "^\\d{5}$")));
        var table = Table("orders", [Id(), Col("amount", positive), Col("zip", postcode)]);

        var rows = Seeding.Plan(Database(table), Seeding.Settings(rows: 1000)).Rows("orders");

        Assert.IsTrue(rows.All(r => (decimal)r["amount"]! > 100m));
        Assert.IsTrue(rows.All(r => System.Text.RegularExpressions.Regex.IsMatch((string)r["zip"]!, "^\\d{5}$")));
    }

    [TestMethod]
    public void A_check_the_seeder_cannot_read_is_preview4017_naming_the_constraint_and_its_columns()
    {
        var table = Table("events", [Id(), Col("starts", Int), Col("ends", Int)],
            checks: [UnknownCheck("events_span", "CHECK (((ends - starts) < 10))", "starts", "ends")]);

        var diagnostics = Seeding.Errors(Database(table), Seeding.Settings());

        var error = Seeding.Single(diagnostics, DiagnosticCodes.SeedCheckNotUnderstood);
        Assert.AreEqual(
            "The CHECK constraint 'events_span' of 'events' (CHECK (((ends - starts) < 10))) is beyond what the seeder understands, so it cannot generate rows that satisfy it. " +
            "Fix: under seed: columns: in preview.yaml, give events.ends an expression: override, SQL over the row's other columns that satisfies the check (PostgreSQL computes it per row), or give events.starts, events.ends constant, values or range overrides that satisfy it.",
            error.Message);
        Assert.AreEqual(("preview.yaml", 0, 0), (error.File, error.Line, error.Column));
    }

    [TestMethod]
    public void A_check_the_seeder_cannot_read_is_fine_when_every_column_it_mentions_has_an_override()
    {
        var table = Table("events", [Id(), Col("starts", Int), Col("ends", Int)],
            checks: [UnknownCheck("events_span", "CHECK (((ends - starts) < 10))", "starts", "ends")]);
        var settings = Seeding.Settings()
            .With("events.starts", new ConstantOverride("1"))
            .With("events.ends", new ValuesOverride([new WeightedValue("2", 1), new WeightedValue("5", 3)]));

        var rows = Seeding.Plan(Database(table), settings).Rows("events");

        Assert.IsTrue(rows.All(r => (int)r["ends"]! - (int)r["starts"]! < 10));
    }

    [TestMethod]
    public void Contradictory_checks_are_preview4018()
    {
        var table = Table("boxes", [Id(), Col("size", Int), Col("label", Varchar(3))],
            checks: [
                Check("boxes_size", new CompareToConstant("size", ComparisonOperator.Greater, "10"), new CompareToConstant("size", ComparisonOperator.Less, "5")),
                Check("boxes_label", new LengthCompare("label", ComparisonOperator.GreaterOrEqual, 4)),
            ]);

        var diagnostics = Seeding.Errors(Database(table), Seeding.Settings());

        var codes = diagnostics.Select(d => d.Code).ToList();
        CollectionAssert.AreEqual(new[] { DiagnosticCodes.SeedCheckUnsatisfiable, DiagnosticCodes.SeedCheckUnsatisfiable }, codes, Seeding.Describe(diagnostics));
        Assert.IsTrue(diagnostics.Any(d => d.Message.StartsWith("The constraints of 'boxes.size' (integer, CHECK 'boxes_size') leave no value the seeder can generate: the allowed range is empty.", StringComparison.Ordinal)), Seeding.Describe(diagnostics));
        Assert.IsTrue(diagnostics.Any(d => d.Message.Contains("the length must be at least 4 and at most 3", StringComparison.Ordinal)), Seeding.Describe(diagnostics));
    }

    [TestMethod]
    public void A_pattern_beyond_the_simple_subset_is_preview4019_unless_overridden()
    {
        var table = Table("codes", [Id(), Col("code", Text)], checks: [Check("codes_code", new MatchesPattern("code", "^(AB|CD)[0-9]+$"))]);

        var error = Seeding.Single(Seeding.Errors(Database(table), Seeding.Settings()), DiagnosticCodes.SeedPatternUnsupported);
        Assert.StartsWith("The CHECK 'codes_code' requires 'codes.code' to match '^(AB|CD)[0-9]+$'", error.Message);

        var overridden = Seeding.Settings().With("codes.code", new ValuesOverride([new WeightedValue("AB1", 1), new WeightedValue("CD22", 1)]));
        var values = Seeding.Plan(Database(table), overridden).Column("codes", "code");
        CollectionAssert.IsSubsetOf(values.Distinct().ToList(), new[] { "AB1", "CD22" });
    }

    [TestMethod]
    public void Not_null_columns_of_types_without_a_generator_are_preview4016_and_nullable_ones_stay_null()
    {
        var point = new PreviewSdk.Seeding.Schema.PgType("pg_lsn", PreviewSdk.Seeding.Schema.PgTypeKind.Unsupported);
        var table = Table("places", [Id(), Col("location", point), Null("area", point)]);

        var error = Seeding.Single(Seeding.Errors(Database(table), Seeding.Settings()), DiagnosticCodes.SeedColumnNeedsOverride);
        Assert.AreEqual("Column 'places.location' is NOT NULL and of type pg_lsn, which the seeder cannot generate. Fix: give 'places.location' an override under seed: columns: in preview.yaml, such as an expression: override (SQL that PostgreSQL evaluates per row, for example a default-like expression), or a constant or values written in the type's text form.", error.Message);

        var nullableOnly = Table("places", [Id(), Null("area", point)]);
        Assert.IsTrue(Seeding.Plan(Database(nullableOnly), Seeding.Settings()).Column("places", "area").All(v => v is null));
    }

    [TestMethod]
    public void Generated_columns_are_never_written_and_identity_columns_are_written_1_to_n()
    {
        var table = Table("lines", [Id(), Col("qty", Int), Generated("double_qty", Int), Serial("legacy_no")]);
        var plan = Seeding.Plan(Database(table), Seeding.Settings(rows: 25));

        CollectionAssert.AreEqual(new[] { "id", "qty", "legacy_no" }, plan.Table("lines").Columns.Select(c => c.Name).ToList());
        CollectionAssert.AreEqual(Enumerable.Range(1, 25).ToList(), plan.Column("lines", "id").Cast<int>().ToList());
        CollectionAssert.AreEqual(Enumerable.Range(1, 25).ToList(), plan.Column("lines", "legacy_no").Cast<int>().ToList());
    }
}
