using System.Globalization;
using System.Net;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Settings;
using static PreviewSdk.Seeding.Tests.Generation.Db;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>The same schema, seed and counts give the same rows, everywhere; unrelated changes leave values alone.</summary>
[TestClass]
public sealed class DeterminismTests
{
    private static TableSchema Customers(params ColumnSchema[] extra) => Table("customers",
        [Id(), Col("name", Text), Col("email", Varchar(60)), Null("phone", Text), Col("signed_up_at", TimestampTz), Col("balance", Numeric(10, 2)), .. extra],
        uniques: [Key("customers_email_key", "email")]);

    private static TableSchema Orders() => Table("orders",
        [Id(), Col("customer_id", Int), Col("status", EnumType("status", "new", "paid")), Col("total", Numeric(10, 2)), Col("placed_at", Timestamp), Null("parent_id", Int), Col("ref", Uuid)],
        keys: [Fk("customer_id", "customers"), Fk("parent_id", "orders")]);

    private static SeedSettings Settings => Seeding.Settings(rows: 300, seed: 1301)
        .With("orders", new TableSeedSettings { PerParent = new PerParentSizing("customers", 0, 4) });

    [TestMethod]
    public void Two_plans_of_the_same_schema_and_seed_give_identical_rows()
    {
        var first = Dump(Seeding.Plan(Database(Customers(), Orders()), Settings));
        var second = Dump(Seeding.Plan(Database(Customers(), Orders()), Settings));

        CollectionAssert.AreEqual(first, second);
        Assert.IsGreaterThan(900, first.Count);
    }

    [TestMethod]
    public void Enumerating_rows_twice_gives_the_same_sequence()
    {
        var plan = Seeding.Plan(Database(Customers(), Orders()), Settings).Table("orders");

        CollectionAssert.AreEqual(plan.Rows().Select(Show).ToList(), plan.Rows().Select(Show).ToList());
        CollectionAssert.AreEqual(plan.DeferredRows().Select(Show).ToList(), plan.DeferredRows().Select(Show).ToList());
    }

    [TestMethod]
    public void Adding_a_column_or_a_table_leaves_every_other_column_unchanged()
    {
        var before = Seeding.Plan(Database(Customers(), Orders()), Settings);
        var after = Seeding.Plan(
            Database(Table("audit_log", [Id(), Col("message", Text)]), Customers(Null("nickname", Text), Col("vip", Bool)), Orders()),
            Settings);

        foreach (var table in new[] { "customers", "orders" })
        {
            foreach (var column in before.Table(table).Columns.Select(c => c.Name))
            {
                CollectionAssert.AreEqual(
                    before.Column(table, column).Select(Show).ToList(),
                    after.Column(table, column).Select(Show).ToList(),
                    $"{table}.{column} changed");
            }
        }

        CollectionAssert.AreEqual(before.Table("orders").DeferredRows().Select(Show).ToList(), after.Table("orders").DeferredRows().Select(Show).ToList());
    }

    [TestMethod]
    public void Another_seed_gives_other_rows()
    {
        var one = Dump(Seeding.Plan(Database(Customers(), Orders()), Settings));
        var other = Dump(Seeding.Plan(Database(Customers(), Orders()), Settings with { Seed = 1302 }));

        CollectionAssert.AreNotEqual(one, other);
    }

    [TestMethod]
    public void The_machine_culture_does_not_change_the_rows()
    {
        var invariant = Dump(Seeding.Plan(Database(Customers(), Orders()), Settings));
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            var turkish = Dump(Seeding.Plan(Database(Customers(), Orders()), Settings));
            CollectionAssert.AreEqual(invariant, turkish);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = original;
        }
    }

    [TestMethod]
    public void The_generated_values_are_pinned_because_they_are_part_of_the_contract()
    {
        // A change here changes every user's preview data: make it on purpose, and say so in the release notes.
        var plan = Seeding.Plan(Database(Customers(), Orders()), Settings);

        var customer = plan.Table("customers").Rows().First();
        var order = plan.Table("orders").Rows().Skip(1).First();

        Assert.AreEqual(Pinned.Customer, Show(customer));
        Assert.AreEqual(Pinned.Order, Show(order));
    }

    private static List<string> Dump(SeedPlan plan) =>
        plan.Tables.SelectMany(t => t.Rows().Select(r => t.Table.Name + ": " + Show(r)).Concat(t.DeferredRows().Select(r => t.Table.Name + " second pass: " + Show(r)))).ToList();

    private static string Show(object?[] row) => string.Join(" | ", row.Select(Show));

    private static string Show(object? value) => value switch
    {
        null => "NULL",
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        IPAddress address => address.ToString(),
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static class Pinned
    {
        public const string Customer = "1 | Janick Krajcik | jkrajcik0@example.net | NULL | 2024-05-21T13:15:58.0000000Z | 612.08";
        public const string Order = "2 | 2 | new | 234.14 | 2023-04-28T13:18:58.0000000 | NULL | b77eb9a1-a9bd-4a8b-ae71-8b01a4efcb20";
    }
}
