using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Settings;
using static PreviewSdk.Seeding.Tests.Generation.Db;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>preview.yaml's per-column overrides: each kind, and each way one can be wrong.</summary>
[TestClass]
public sealed class OverrideTests
{
    private static readonly SourceLocation At = new("preview/preview.yaml", 12, 7);

    private static readonly PreviewSdk.Seeding.Schema.TableSchema Products = Table("products", [
        Id(), Col("name", Varchar(30)), Col("price", Numeric(8, 2)), Col("tier", EnumType("tier", "basic", "pro")), Col("launched_on", Date),
        Col("code", Varchar(8)), Null("notes", Text), Col("weight", Int)],
        checks: [Check("products_price", new CompareToConstant("price", ComparisonOperator.GreaterOrEqual, "1"))]);

    [TestMethod]
    public void A_dataset_override_calls_bogus_by_path_ignoring_case()
    {
        var settings = Seeding.Settings(rows: 200)
            .With("products.name", new DatasetOverride("Commerce.ProductName"))
            .With("products.notes", new DatasetOverride("lorem.sentence"))
            .With("products.weight", new DatasetOverride("internet.port"));

        var plan = Seeding.Plan(Database(Products), settings);

        var names = plan.Column("products", "name").Cast<string>().ToList();
        Assert.IsTrue(names.All(n => n.Length is > 0 and <= 30 && n.Split(' ').Length >= 2), string.Join(", ", names.Take(5)));
        Assert.IsGreaterThan(100, names.Distinct().Count());
        Assert.IsTrue(plan.Column("products", "notes").All(n => ((string)n!).EndsWith('.')), "a dataset override is never NULL-ed by the seeder");
        Assert.IsTrue(plan.Column("products", "weight").All(p => (int)p! is >= 0 and <= 65535));
    }

    [TestMethod]
    public void Dataset_emails_are_moved_to_example_domains()
    {
        var users = Table("users", [Id(), Col("contact", Text)]);
        var values = Seeding.Plan(Database(users), Seeding.Settings(rows: 300).With("users.contact", new DatasetOverride("internet.email"))).Column("users", "contact");

        Assert.IsTrue(values.All(v => System.Text.RegularExpressions.Regex.IsMatch((string)v!, @"^[^@\s]+@example\.(com|net|org)$")), string.Join(", ", values.Take(5)));
    }

    [TestMethod]
    public void An_unknown_dataset_is_preview4012_with_close_matches_at_the_override()
    {
        var settings = Seeding.Settings().With("products.name", new DatasetOverride("commerce.prodctName") { Location = At });

        var error = Seeding.Single(Seeding.Errors(Database(Products), settings), DiagnosticCodes.SeedDatasetUnknown);

        Assert.AreEqual(("preview/preview.yaml", 12, 7), (error.File, error.Line, error.Column));
        Assert.StartsWith(
            "The seed override for 'products.name' names the dataset 'commerce.prodctName', which is not a Bogus dataset method returning text or a number. Close matches: commerce.productName, commerce.product,",
            error.Message);
    }

    [TestMethod]
    public void A_constant_override_puts_the_value_in_every_row_converted_to_the_column_type()
    {
        var settings = Seeding.Settings(rows: 40)
            .With("products.price", new ConstantOverride("9.999"))
            .With("products.launched_on", new ConstantOverride("2024-02-29"))
            .With("products.notes", new ConstantOverride(null))
            .With("products.tier", new ConstantOverride("pro"));

        var rows = Seeding.Plan(Database(Products), settings).Rows("products");

        Assert.IsTrue(rows.All(r => (decimal)r["price"]! == 10.00m), "rounded to the column's scale, as PostgreSQL does");
        Assert.IsTrue(rows.All(r => (DateOnly)r["launched_on"]! == new DateOnly(2024, 2, 29)));
        Assert.IsTrue(rows.All(r => r["notes"] is null));
        Assert.IsTrue(rows.All(r => (string)r["tier"]! == "pro"));
    }

    [TestMethod]
    public void A_values_override_picks_by_weight()
    {
        var settings = Seeding.Settings(rows: 4000)
            .With("products.tier", new ValuesOverride([new WeightedValue("basic", 3), new WeightedValue("pro", 1)]))
            .With("products.notes", new ValuesOverride([new WeightedValue("fragile", 1), new WeightedValue(null, 1)]));

        var rows = Seeding.Plan(Database(Products), settings).Rows("products");

        var basic = rows.Count(r => (string)r["tier"]! == "basic");
        Assert.IsTrue(basic is > 2800 and < 3200, $"weights 3:1 give about 3000 of 4000 ({basic})");
        Assert.IsTrue(rows.All(r => r["notes"] is null or "fragile"));
        Assert.IsTrue(rows.Count(r => r["notes"] is null) is > 1800 and < 2200);
    }

    [TestMethod]
    public void A_range_override_keeps_numbers_and_dates_within_its_bounds()
    {
        var settings = Seeding.Settings(rows: 2000)
            .With("products.price", new RangeOverride("5", "7.5"))
            .With("products.launched_on", new RangeOverride("2020-01-01", "2020-01-31"));

        var rows = Seeding.Plan(Database(Products), settings).Rows("products");

        Assert.IsTrue(rows.All(r => (decimal)r["price"]! is >= 5m and <= 7.5m));
        Assert.IsTrue(rows.All(r => (DateOnly)r["launched_on"]! >= new DateOnly(2020, 1, 1) && (DateOnly)r["launched_on"]! <= new DateOnly(2020, 1, 31)));
        Assert.HasCount(31, rows.Select(r => r["launched_on"]).Distinct().ToList(), "every day of the range is used");
    }

    [TestMethod]
    public void A_value_that_does_not_convert_is_preview4013_at_the_override()
    {
        var settings = Seeding.Settings()
            .With("products.price", new ConstantOverride("cheap") { Location = At })
            .With("products.tier", new ValuesOverride([new WeightedValue("basic", 1), new WeightedValue("gold", 1)]) { Location = At });

        var errors = Seeding.Errors(Database(Products), settings);

        Assert.IsTrue(errors.All(e => e.Code == DiagnosticCodes.SeedValueInvalid && e.Line == 12), Seeding.Describe(errors));
        Assert.HasCount(2, errors);
        Assert.AreEqual(
            "The seed override for 'products.price' has the value 'cheap', but it is not a numeric(8,2) value. Fix: write the override's value as PostgreSQL writes values of the column's type (numbers with a dot, dates as yyyy-MM-dd, booleans as true or false, other types in their text form such as [1,10) for a range or 0101 for bit(4)), or compute it with an expression: override (SQL that PostgreSQL evaluates per row).",
            errors[0].Message);
        Assert.AreEqual(
            "The seed override for 'products.tier' has the value 'gold', but it is not a label of tier (basic, pro). Fix: write the override's value as PostgreSQL writes values of the column's type (numbers with a dot, dates as yyyy-MM-dd, booleans as true or false, other types in their text form such as [1,10) for a range or 0101 for bit(4)), or compute it with an expression: override (SQL that PostgreSQL evaluates per row).",
            errors[1].Message);
    }

    [TestMethod]
    public void A_value_that_breaks_a_constraint_is_preview4014_naming_it()
    {
        var settings = Seeding.Settings()
            .With("products.price", new ConstantOverride("0.50") { Location = At })
            .With("products.code", new ValuesOverride([new WeightedValue("TOOLONGCODE", 1)]) { Location = At })
            .With("products.weight", new ConstantOverride(null) { Location = At });

        var errors = Seeding.Errors(Database(Products), settings);

        Assert.IsTrue(errors.All(e => e.Code == DiagnosticCodes.SeedValueBreaksConstraint), Seeding.Describe(errors));
        var messages = errors.Select(e => e.Message).ToList();
        Assert.Contains("The seed override for 'products.price' has the value '0.50', which breaks CHECK 'products_price'. Fix: change the override of 'products.price' so every value it gives satisfies CHECK 'products_price'.", messages);
        Assert.IsTrue(messages.Any(m => m.StartsWith("The seed override for 'products.code' has the value 'TOOLONGCODE', which breaks the column's length limit of 8.", StringComparison.Ordinal)));
        Assert.IsTrue(messages.Any(m => m.StartsWith("The seed override for 'products.weight' has the value 'null', which breaks NOT NULL.", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Overrides_that_cannot_apply_are_preview4015()
    {
        var settings = Seeding.Settings()
            .With("products.name", new RangeOverride("a", "z"))
            .With("products.tier", new ValuesOverride([]))
            .With("products.weight", new ValuesOverride([new WeightedValue("1", 0)]))
            .With("products.launched_on", new RangeOverride("2024-05-01", "2024-01-01"))
            .With("products.code", new DatasetOverride("address.latitude"));

        var errors = Seeding.Errors(Database(Products), settings);

        Assert.HasCount(4, errors.Where(e => e.Code == DiagnosticCodes.SeedOverrideNotApplicable).ToList(), Seeding.Describe(errors));
        var messages = string.Join('\n', errors.Select(e => e.Message));
        Assert.Contains("'products.name' cannot be used: a range needs a number, date or time column, and the column is character varying(30)", messages);
        Assert.Contains("'products.tier' cannot be used: its list of values is empty", messages);
        Assert.Contains("'products.weight' cannot be used: the weight 0 of '1' is not greater than 0", messages);
        Assert.Contains("'products.launched_on' cannot be used: its min '2024-05-01' is above its max '2024-01-01'", messages);
        Assert.AreEqual(4, errors.Count, "address.latitude into a varchar column is fine: numbers become text");
    }

    [TestMethod]
    public void Settings_for_tables_and_columns_that_do_not_exist_are_preview4010_and_4011_with_suggestions()
    {
        var settings = Seeding.Settings()
            .With("prodcts", new TableSeedSettings { Rows = 5, Location = At })
            .With("products.prise", new ConstantOverride("1") { Location = At })
            .With("orders.total", new ConstantOverride("1") { Location = At });

        var errors = Seeding.Errors(Database(Products), settings);

        Assert.AreEqual(
            "The seed settings name the table 'prodcts', which the database does not have. Did you mean 'products'? Fix: correct the table name under seed tables (schema.table outside the public schema), or remove the entry.",
            Seeding.Single(errors, DiagnosticCodes.SeedTableUnknown).Message);
        var columns = errors.Where(e => e.Code == DiagnosticCodes.SeedColumnUnknown).Select(e => e.Message).ToList();
        Assert.HasCount(2, columns, Seeding.Describe(errors));
        Assert.Contains("The seed override 'orders.total' names no column: there is no table 'orders'. Fix: write the override's key as table.column (schema.table.column outside the public schema) with a column that exists, or remove it.", columns);
        Assert.Contains("The seed override 'products.prise' names no column: table 'products' has no column 'prise'. Did you mean 'products.price'? Fix: write the override's key as table.column (schema.table.column outside the public schema) with a column that exists, or remove it.", columns);
    }

    [TestMethod]
    public void An_override_on_a_generated_column_is_preview4015()
    {
        var table = Table("lines", [Id(), Col("qty", Int), Generated("total", Int)]);
        var error = Seeding.Single(Seeding.Errors(Database(table), Seeding.Settings().With("lines.total", new ConstantOverride("3"))), DiagnosticCodes.SeedOverrideNotApplicable);

        Assert.Contains("GENERATED ALWAYS", error.Message);
    }
}
