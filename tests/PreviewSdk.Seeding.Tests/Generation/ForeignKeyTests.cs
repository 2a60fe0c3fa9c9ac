using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Settings;
using static PreviewSdk.Seeding.Tests.Generation.Db;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>Foreign keys: parents first, values that exist in the parent, self-references and cycles through a second pass.</summary>
[TestClass]
public sealed class ForeignKeyTests
{
    [TestMethod]
    public void Parents_come_first_whatever_the_schema_order()
    {
        var schema = Database(
            Table("order_lines", [Id(), Col("order_id", Int)], keys: [Fk("order_id", "orders")]),
            Table("orders", [Id(), Col("customer_id", Int)], keys: [Fk("customer_id", "customers")]),
            Table("customers", [Id()]),
            Table("audit", [Id()]));

        var plan = Seeding.Plan(schema, Seeding.Settings());

        CollectionAssert.AreEqual(new[] { "customers", "orders", "order_lines", "audit" }, plan.Tables.Select(t => t.Table.DisplayName).ToList());
    }

    [TestMethod]
    public void Every_foreign_key_value_is_a_key_the_parent_generates()
    {
        var tenants = Table("tenants", [Col("id", Uuid), Col("slug", Varchar(12))], primaryKey: Key("tenants_pkey", "id"), uniques: [Key("tenants_slug_key", "slug")]);
        var products = Table("products", [Id(), Col("tenant_id", Uuid), Col("sku", Varchar(10))],
            uniques: [Key("products_tenant_sku_key", "tenant_id", "sku")], keys: [Fk("tenant_id", "tenants")]);
        var orders = Table("orders", [Id("id", BigInt), Col("tenant_slug", Text), Null("coupon_tenant", Uuid), Null("coupon_sku", Varchar(10)), Col("product_id", BigInt)],
            keys: [
                Fk("tenant_slug", "tenants", "slug"),
                Fk("orders_coupon_fkey", ["coupon_tenant", "coupon_sku"], "products", "tenant_id", "sku"),
                Fk("product_id", "products"),
            ]);
        var settings = Seeding.Settings(rows: 40).With("orders", new TableSeedSettings { Rows = 3000 });

        var plan = Seeding.Plan(Database(orders, products, tenants), settings);

        var slugs = plan.Column("tenants", "slug").ToHashSet();
        var productIds = plan.Column("products", "id").Select(v => (long)(int)v!).ToHashSet();
        var productKeys = plan.Rows("products").Select(r => (r["tenant_id"], r["sku"])).ToHashSet();
        var rows = plan.Rows("orders");
        Assert.IsTrue(rows.All(r => slugs.Contains(r["tenant_slug"])));
        Assert.IsTrue(rows.All(r => r["product_id"] is long id && productIds.Contains(id)), "a bigint column referencing an integer key gets long values");
        Assert.IsTrue(rows.All(r => (r["coupon_tenant"] is null) == (r["coupon_sku"] is null)), "a composite key is NULL as a whole");
        Assert.IsTrue(rows.Where(r => r["coupon_tenant"] is not null).All(r => productKeys.Contains((r["coupon_tenant"], r["coupon_sku"]))), "both columns come from the same parent row");
        var nulls = rows.Count(r => r["coupon_tenant"] is null);
        Assert.IsTrue(nulls is > 150 and < 450, $"a nullable foreign key is NULL sometimes, not always ({nulls} of 3000)");
        Assert.IsGreaterThan(30, rows.Select(r => r["product_id"]).Distinct().Count(), "children spread over the parents");
    }

    [TestMethod]
    public void A_self_reference_is_filled_in_the_second_pass_and_points_to_earlier_rows()
    {
        var employees = Table("employees", [Id(), Col("name", Text), Null("manager_id", Int)], keys: [Fk("manager_id", "employees")]);

        var plan = Seeding.Plan(Database(employees), Seeding.Settings(rows: 500)).Table("employees");

        CollectionAssert.AreEqual(new[] { "manager_id" }, plan.DeferredColumns.Select(c => c.Name).ToList());
        CollectionAssert.AreEqual(new[] { "id" }, plan.Key.Select(c => c.Name).ToList());
        Assert.IsTrue(plan.Rows().All(row => row[2] is null), "COPY writes the deferred column NULL");
        var managers = plan.DeferredRows().ToDictionary(update => (int)update[0]!, update => (int?)update[1]);
        Assert.IsFalse(managers.ContainsKey(1), "the first row has no earlier row to point at");
        Assert.IsTrue(managers.All(m => m.Value is null || m.Value < m.Key), "a manager is an earlier row, so there are no loops");
        Assert.IsGreaterThan(300, managers.Count(m => m.Value is not null));
        CollectionAssert.AreEqual(plan.DeferredRows().Select(r => (r[0], r[1])).ToList(), plan.DeferredRows().Select(r => (r[0], r[1])).ToList(), "the second pass is deterministic");
    }

    [TestMethod]
    public void A_cycle_is_broken_at_its_nullable_foreign_key()
    {
        var teams = Table("teams", [Id(), Null("captain_id", Int)], keys: [Fk("captain_id", "players")]);
        var players = Table("players", [Id(), Col("team_id", Int)], keys: [Fk("team_id", "teams")]);

        var plan = Seeding.Plan(Database(players, teams), Seeding.Settings(rows: 60));

        CollectionAssert.AreEqual(new[] { "teams", "players" }, plan.Tables.Select(t => t.Table.DisplayName).ToList());
        Assert.IsEmpty(plan.Table("players").DeferredColumns);
        CollectionAssert.AreEqual(new[] { "captain_id" }, plan.Table("teams").DeferredColumns.Select(c => c.Name).ToList());
        var playerIds = plan.Column("players", "id").ToHashSet();
        var updates = plan.Table("teams").DeferredRows().ToList();
        Assert.IsNotEmpty(updates);
        Assert.IsTrue(updates.All(u => playerIds.Contains(u[1])));
    }

    [TestMethod]
    public void A_cycle_of_not_null_foreign_keys_is_preview4021_naming_tables_and_keys()
    {
        var a = Table("a", [Id(), Col("b_id", Int)], keys: [Fk("b_id", "b")]);
        var b = Table("b", [Id(), Col("a_id", Int)], keys: [Fk("a_id", "a")]);
        var self = Table("nodes", [Id(), Col("parent_id", Int)], keys: [Fk("parent_id", "nodes")]);

        var errors = Seeding.Errors(Database(a, b, self), Seeding.Settings()).Where(e => e.Code == DiagnosticCodes.SeedForeignKeyCycle).Select(e => e.Message).ToList();

        Assert.HasCount(2, errors);
        Assert.Contains(
            "The tables 'a', 'b' reference each other in a cycle of NOT NULL foreign keys (a.b_id_fkey, b.a_id_fkey), so none of them can be filled first. Fix: make one of those foreign key columns nullable, or skip one of the tables under seed tables (skip: true).",
            errors);
        Assert.IsTrue(errors.Any(m => m.StartsWith("The tables 'nodes' (itself) reference each other in a cycle of NOT NULL foreign keys (nodes.parent_id_fkey)", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_foreign_key_to_a_skipped_table_is_null_when_nullable_and_preview4022_when_not()
    {
        var users = Table("users", [Id()]);
        var posts = Table("posts", [Id(), Null("editor_id", Int)], keys: [Fk("editor_id", "users")]);
        var settings = Seeding.Settings().With("users", new TableSeedSettings { Skip = true });

        var plan = Seeding.Plan(Database(users, posts), settings);
        Assert.IsTrue(plan.Column("posts", "editor_id").All(v => v is null));
        Assert.IsFalse(plan.Tables.Any(t => t.Table.Name == "users"), "a skipped table is not planned");

        var comments = Table("comments", [Id(), Col("author_id", Int)], keys: [Fk("author_id", "users")]);
        var error = Seeding.Single(Seeding.Errors(Database(users, comments), settings), DiagnosticCodes.SeedForeignKeyToSkippedTable);
        Assert.AreEqual("The NOT NULL foreign key 'author_id_fkey' of 'comments' references 'users', which is skipped or not seeded. Fix: seed 'users' (remove its skip: true), or skip 'comments' too.", error.Message);
    }

    [TestMethod]
    public void A_table_sized_per_parent_gets_min_to_max_rows_for_each_parent_in_turn()
    {
        var orders = Table("orders", [Id()]);
        var products = Table("products", [Id()]);
        var lines = Table("order_lines", [Id(), Col("order_id", Int), Col("product_id", Int), Col("line_no", SmallInt)],
            uniques: [Key("order_lines_order_product_key", "order_id", "product_id"), Key("order_lines_order_line_key", "order_id", "line_no")],
            keys: [Fk("order_id", "orders"), Fk("product_id", "products")]);
        var settings = Seeding.Settings(rows: 400)
            .With("products", new TableSeedSettings { Rows = 6 })
            .With("order_lines", new TableSeedSettings { PerParent = new PerParentSizing("orders", 1, 5) });

        var plan = Seeding.Plan(Database(lines, orders, products), settings);

        Assert.IsNull(plan.Table("order_lines").PlannedRows);
        var rows = plan.Rows("order_lines");
        var orderIds = rows.Select(r => (int)r["order_id"]!).ToList();
        CollectionAssert.AreEqual(orderIds.Order().ToList(), orderIds, "parent by parent");
        var perOrder = orderIds.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.HasCount(400, perOrder, "every order gets lines (min 1)");
        Assert.IsTrue(perOrder.Values.All(n => n is >= 1 and <= 5));
        Assert.IsTrue(perOrder.Values.Distinct().Count() >= 4, "counts vary per parent");
        Assert.HasCount(rows.Count, rows.Select(r => (r["order_id"], r["product_id"])).Distinct().ToList(), "no product twice in one order");
        Assert.IsTrue(rows.GroupBy(r => r["order_id"]).All(g => g.Select(r => (short)r["line_no"]!).SequenceEqual(Enumerable.Range(1, g.Count()).Select(i => (short)i))), "line numbers count 1, 2, 3 per order");
    }

    [TestMethod]
    public void Per_parent_sizing_problems_are_preview4023_4024_and_4020()
    {
        var orders = Table("orders", [Id()]);
        var products = Table("products", [Id()]);
        var notes = Table("notes", [Id(), Col("order_id", Int)], keys: [Fk("order_id", "orders")]);
        var lines = Table("order_lines", [Id(), Col("order_id", Int), Col("product_id", Int)],
            uniques: [Key("order_lines_order_product_key", "order_id", "product_id")], keys: [Fk("order_id", "orders"), Fk("product_id", "products")]);
        var reviews = Table("reviews", [Id(), Col("product_id", Int)], keys: [Fk("product_id", "products")]);
        var settings = Seeding.Settings(rows: 10)
            .With("products", new TableSeedSettings { Rows = 3 })
            .With("order_lines", new TableSeedSettings { PerParent = new PerParentSizing("orders", 1, 4) })
            .With("reviews", new TableSeedSettings { PerParent = new PerParentSizing("notes", 1, 2) })
            .With("notes", new TableSeedSettings { PerParent = new PerParentSizing("orders", 3, 2) });

        var errors = Seeding.Errors(Database(orders, products, notes, lines, reviews), settings);

        Assert.AreEqual(
            "Table 'reviews' is sized per row of 'notes', but it has no foreign key to it. Fix: set per: to a seeded table that 'reviews' references (products), or size 'reviews' with rows: instead.",
            Seeding.Single(errors, DiagnosticCodes.SeedPerParentInvalid).Message);
        Assert.AreEqual(
            "The per-parent sizing of 'notes' has min 3 and max 2. Fix: set min to 0 or more and max to at least min under seed tables 'notes'.",
            Seeding.Single(errors, DiagnosticCodes.SeedPerParentRange).Message);
        Assert.StartsWith(
            "'order_lines (order_id, product_id)' must be unique (order_lines_order_product_key), but only 3 distinct values can be generated for up to 4 rows per row of 'orders'.",
            Seeding.Single(errors, DiagnosticCodes.SeedUniqueUnsatisfiable).Message);
    }

    [TestMethod]
    public void A_not_null_foreign_key_to_a_table_left_without_rows_is_preview4029()
    {
        var orders = Table("orders", [Id()]);
        var refunds = Table("refunds", [Id(), Col("order_id", Int)], keys: [Fk("order_id", "orders")]);
        var notes = Table("refund_notes", [Id(), Col("refund_id", Int)], keys: [Fk("refund_id", "refunds")]);
        var settings = Seeding.Settings(rows: 5).With("refunds", new TableSeedSettings { PerParent = new PerParentSizing("orders", 0, 0) });

        Seeding.Single(Seeding.Errors(Database(orders, refunds, notes), settings), DiagnosticCodes.SeedParentHasNoRows);
    }

    [TestMethod]
    public void A_deferred_foreign_key_in_a_table_without_a_key_is_preview4025()
    {
        var nodes = Table("nodes", [Col("name", Text), Null("parent_name", Text)], uniques: [], keys: [Fk("parent_name", "nodes", "name")], noPrimaryKey: true);

        var error = Seeding.Single(Seeding.Errors(Database(nodes), Seeding.Settings()), DiagnosticCodes.SeedDeferredWithoutKey);

        Assert.Contains("add a seed override for nodes.parent_name (constant: null)", error.Message);
    }

    [TestMethod]
    public void A_referenced_key_whose_values_depend_on_earlier_rows_is_preview4026()
    {
        var ports = Table("ports", [Col("port", Int)], primaryKey: Key("ports_pkey", "port"));
        var services = Table("services", [Id(), Col("port", Int)], keys: [Fk("port", "ports", "port")]);
        var settings = Seeding.Settings().With("ports.port", new DatasetOverride("internet.port"));

        var error = Seeding.Single(Seeding.Errors(Database(ports, services), settings), DiagnosticCodes.SeedKeyNotComputable);

        Assert.StartsWith("'ports.port' is referenced by the foreign key 'port_fkey' of 'services', but its values cannot be computed from a row number", error.Message);
    }

    [TestMethod]
    public void An_override_on_a_foreign_key_column_replaces_the_parent_pick()
    {
        var users = Table("users", [Id()]);
        var posts = Table("posts", [Id(), Null("author_id", Int)], keys: [Fk("author_id", "users")]);

        var plan = Seeding.Plan(Database(users, posts), Seeding.Settings().With("posts.author_id", new ConstantOverride("1")));

        Assert.IsTrue(plan.Column("posts", "author_id").All(v => (int)v! == 1));
        Assert.IsInstanceOfType<TablePlan>(plan.Table("posts"));
    }
}
