using Npgsql;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Tests.Schema;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>
/// The issue's acceptance test: <see cref="DatabaseSeeder.SeedAsync"/> fills Sql/rich-schema.sql on a real
/// PostgreSQL. The database accepting every row is the proof; each test then confirms one kind of constraint with
/// one query of its own, so a constraint PostgreSQL could not see (a partial index, a loop in a tree) is checked too.
/// </summary>
[TestClass]
public sealed class RichSchemaSeedingTests
{
    private static SeedTarget target = null!;
    private static SeedSummary summary = null!;

    [ClassInitialize]
    public static async Task SeedOnceAsync(TestContext context)
    {
        target = await SeedTarget.CreateAsync(RichSchema.Sql);
        summary = await target.SeedSuccessfullyAsync(RichSchemaSeed.Settings());
    }

    [TestMethod]
    public async Task Every_table_holds_the_rows_the_summary_reports()
    {
        var seeded = summary.Tables.ToDictionary(table => table.Table, table => table.Rows);

        CollectionAssert.AreEquivalent(
            new[] { "departments", "employees", "categories", "products", "customers", "addresses", "orders", "order_lines", "loyalty_accounts", "warehouses", "stock_levels", "audit_log", "search_terms", "crm.tickets" },
            seeded.Keys.ToList());
        foreach (var (table, rows) in seeded)
        {
            Assert.AreEqual(rows, await target.CountAsync(table), table);
        }

        Assert.AreEqual(RichSchemaSeed.DefaultRows, seeded["customers"]);
        Assert.AreEqual(40L, seeded["departments"]);
        Assert.IsTrue(seeded["order_lines"] >= seeded["orders"] && seeded["order_lines"] <= 4 * seeded["orders"], $"1-4 lines per order, got {seeded["order_lines"]}");
        Assert.AreEqual(0L, await target.ScalarAsync<long>(
            "SELECT count(*) FROM orders o WHERE (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) NOT BETWEEN 1 AND 4"));
        Assert.AreEqual(summary.TotalRows, seeded.Values.Sum());
    }

    [TestMethod]
    public async Task The_EF_Core_history_table_stays_empty()
    {
        Assert.AreEqual(0L, await target.CountAsync("\"__EFMigrationsHistory\""));
    }

    [TestMethod]
    public async Task No_primary_key_or_unique_key_holds_a_duplicate()
    {
        var recheck = await ConstraintRecheck.DuplicateKeysAsync(target);

        CollectionAssert.AreEqual(Array.Empty<string>(), recheck.Broken.ToArray());
        // 14 primary keys, 7 unique constraints, 3 unique indexes (one of them partial).
        Assert.AreEqual(24, recheck.Checked);
    }

    [TestMethod]
    public async Task Every_foreign_key_value_has_its_parent_row()
    {
        var recheck = await ConstraintRecheck.OrphanForeignKeysAsync(target);

        CollectionAssert.AreEqual(Array.Empty<string>(), recheck.Broken.ToArray());
        Assert.AreEqual(16, recheck.Checked);
        // The composite key (in the opposite order of the referenced primary key) is filled, not left NULL.
        Assert.IsGreaterThan(0L, await target.ScalarAsync<long>(
            "SELECT count(*) FROM orders WHERE shipping_address_no IS NOT NULL AND shipping_customer_id IS NOT NULL"));
    }

    [TestMethod]
    public async Task Self_references_fill_some_rows_and_never_loop()
    {
        foreach (var (table, parent) in new[] { ("employees", "manager_id"), ("categories", "parent_id") })
        {
            var rows = await target.CountAsync(table);
            var withParent = await target.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE {parent} IS NOT NULL");
            // Walking up from every row must reach a root in fewer steps than there are rows; a loop never does.
            var looping = await target.ScalarAsync<long>($"""
                WITH RECURSIVE walk (start, ancestor, depth) AS (
                    SELECT id, {parent}, 1 FROM {table} WHERE {parent} IS NOT NULL
                    UNION ALL
                    SELECT walk.start, t.{parent}, walk.depth + 1 FROM walk JOIN {table} t ON t.id = walk.ancestor
                    WHERE t.{parent} IS NOT NULL AND walk.depth <= {rows})
                SELECT count(DISTINCT start) FROM walk WHERE depth > {rows}
                """);

            Assert.IsTrue(withParent > 0 && withParent < rows, $"{table}.{parent} is set on {withParent} of {rows} rows");
            Assert.AreEqual(0L, looping, $"{table}.{parent} loops");
        }
    }

    [TestMethod]
    public async Task The_nullable_half_of_the_foreign_key_cycle_is_filled_for_some_rows()
    {
        var heads = await target.ScalarAsync<long>("SELECT count(*) FROM departments WHERE head_employee_id IS NOT NULL");

        Assert.IsTrue(heads is > 0 and < 40, $"{heads} of 40 departments have a head");
    }

    [TestMethod]
    public async Task Every_check_of_the_tables_and_their_domains_holds()
    {
        var recheck = await ConstraintRecheck.BrokenChecksAsync(target);

        CollectionAssert.AreEqual(Array.Empty<string>(), recheck.Broken.ToArray());
        // 24 table CHECKs; products.price (capped_money over positive_money), products.currency and orders.currency.
        Assert.AreEqual(28, recheck.Checked);
    }

    [TestMethod]
    public async Task Enum_columns_hold_only_their_labels_and_more_than_one_of_them()
    {
        var recheck = await ConstraintRecheck.ForeignEnumLabelsAsync(target);

        CollectionAssert.AreEqual(Array.Empty<string>(), recheck.Broken.ToArray());
        Assert.AreEqual(2, recheck.Checked);
        Assert.IsGreaterThan(1L, await target.ScalarAsync<long>("SELECT count(DISTINCT status) FROM orders"));
        Assert.IsGreaterThan(1L, await target.ScalarAsync<long>("SELECT count(DISTINCT priority) FROM crm.tickets"));
    }

    [TestMethod]
    public async Task Text_values_fit_their_declared_lengths()
    {
        var recheck = await ConstraintRecheck.OverlongTextAsync(target);

        CollectionAssert.AreEqual(Array.Empty<string>(), recheck.Broken.ToArray());
        // 29 varchar(n) and char(n) columns; the char(3) domain currency_code is held by its CHECK, arrays below.
        Assert.AreEqual(29, recheck.Checked);
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM products, unnest(sizes) AS size WHERE char_length(size) > 5"));
    }

    [TestMethod]
    public async Task The_generated_column_is_computed_by_PostgreSQL()
    {
        Assert.AreEqual(0L, await target.ScalarAsync<long>(
            "SELECT count(*) FROM order_lines WHERE line_total IS NULL OR line_total <> quantity * unit_price"));
    }

    [TestMethod]
    public async Task Sequences_are_past_the_seeded_keys_so_the_app_can_insert_without_one()
    {
        await using var connection = await target.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Rolled back, so the other tests see the seeded rows only; a sequence left behind fails here on a duplicate key.
        var inserted = new NpgsqlCommand("""
            INSERT INTO departments (name, code) VALUES ('Added by the app', 'APPX');
            INSERT INTO employees (department_id, first_name, last_name, email, hired_on) VALUES (1, 'Ada', 'App', 'ada@example.com', DATE '2024-01-01');
            INSERT INTO categories (name, slug) VALUES ('Added by the app', 'added');
            INSERT INTO audit_log (logged_at, action) VALUES (now(), 'app');
            INSERT INTO crm.tickets (customer_id, subject, opened_at) SELECT id, 'From the app', now() FROM customers LIMIT 1;
            INSERT INTO orders (number, customer_id, placed_at, currency) SELECT 'APP-1', id, now(), 'EUR' FROM customers LIMIT 1;
            """, connection, transaction);

        Assert.AreEqual(6, await inserted.ExecuteNonQueryAsync());
        await transaction.RollbackAsync();
    }

    [TestMethod]
    public async Task Email_addresses_are_on_the_reserved_example_domains_only()
    {
        var elsewhere = await target.ListAsync("""
            SELECT email FROM (SELECT email FROM employees UNION ALL SELECT email FROM customers) AS addresses
            WHERE email !~ '^[^@]+@example\.(com|net|org)$'
            """);

        CollectionAssert.AreEqual(Array.Empty<string>(), elsewhere.ToArray());
    }
}
