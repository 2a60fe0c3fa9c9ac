using System.Text.RegularExpressions;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Schema;
using static PreviewSdk.Seeding.Tests.Loading.TestSchema;

namespace PreviewSdk.Seeding.Tests.Loading;

/// <summary>
/// Deferred foreign keys: self-references folded into the first COPY, everything else set by the second pass (an
/// UPDATE once every table holds its rows).
/// </summary>
[TestClass]
public sealed class SeedLoaderDeferredTests
{
    [TestMethod]
    public async Task LoadAsync_fills_a_self_reference_in_the_second_pass_when_the_schema_does_not_show_the_foreign_key()
    {
        // Employee 1 manages 2 and 3, 3 manages 4 and 5; 5 manages 1 (a cycle within the table).
        var database = await TestDatabase.CreateAsync(Employees);
        var (plan, _) = EmployeesPlan(withForeignKey: false, [Row(1, 5), Row(2, 1), Row(3, 1), Row(4, 3), Row(5, 3)]);
        var lines = new List<string>();

        var report = await LoadAsync(database, plan, lines);

        Assert.AreEqual(5L, report.Tables[0].DeferredRows);
        Assert.AreEqual("1>5 2>1 3>1 4>3 5>3", await ManagersAsync(database));
        Assert.HasCount(2, lines);
        Assert.MatchesRegex(new Regex(@"^employees: manager_id set on 5 rows in \d+ ms$"), lines[1]);
    }

    [TestMethod]
    public async Task LoadAsync_closes_a_cycle_between_two_tables_in_the_second_pass()
    {
        // Every member belongs to a team and every team has a lead among the members: teams load first with
        // lead_id NULL, members next, then the second pass sets lead_id.
        var database = await TestDatabase.CreateAsync(
            "CREATE TABLE teams (id bigint PRIMARY KEY, name text NOT NULL, lead_id bigint); " +
            "CREATE TABLE members (id bigint PRIMARY KEY, team_id bigint NOT NULL REFERENCES teams (id), name text NOT NULL); " +
            "ALTER TABLE teams ADD FOREIGN KEY (lead_id) REFERENCES members (id)");
        var teamId = Column("id", BigInt, nullable: false);
        var leadId = Column("lead_id", BigInt);
        var teams = Table("teams", teamId, Column("name", Text, nullable: false), leadId) with
        {
            ForeignKeys = [new ForeignKey("teams_lead_id_fkey", ["lead_id"], "public", "members", ["id"])],
        };
        var members = Table(
            "members", Column("id", BigInt, nullable: false), Column("team_id", BigInt, nullable: false), Column("name", Text, nullable: false));
        var seed = new SeedPlan(3,
        [
            new FixedTablePlan(
                teams,
                [teamId, teams.Columns[1]],
                () => [Row(1L, "red"), Row(2L, "blue")],
                deferredColumns: [leadId],
                key: [teamId],
                deferredRows: [Row(1L, 11L), Row(2L, 12L)]),
            new FixedTablePlan(members, [Row(10L, 1L, "ann"), Row(11L, 1L, "bob"), Row(12L, 2L, "cy")]),
        ]);

        await using (var connection = await database.OpenAsync())
        {
            await SeedLoader.LoadAsync(connection, seed, new SeedLoadOptions(), CancellationToken.None);
        }

        Assert.AreEqual(
            "red:bob blue:cy",
            await database.ScalarAsync<string>(
                "SELECT string_agg(t.name || ':' || m.name, ' ' ORDER BY t.id) FROM teams t JOIN members m ON m.id = t.lead_id AND m.team_id = t.id"));
    }

    [TestMethod]
    public async Task LoadAsync_leaves_no_staging_table_behind()
    {
        var database = await TestDatabase.CreateAsync(
            "CREATE TABLE nodes (id integer PRIMARY KEY, parent_id integer REFERENCES nodes (id))");
        var id = Column("id", Integer, nullable: false);
        var parentId = Column("parent_id", Integer);
        var plan = new FixedTablePlan(
            Table("nodes", id, parentId), [id], () => [Row(1), Row(2)], deferredColumns: [parentId], key: [id], deferredRows: [Row(2, 1)]);

        await using var connection = await database.OpenAsync();
        await SeedLoader.LoadAsync(connection, new SeedPlan(1, [plan]), new SeedLoadOptions(), CancellationToken.None);

        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_class WHERE relname LIKE 'previewsdk_deferred%'", connection);
        Assert.AreEqual(0L, await command.ExecuteScalarAsync());
        Assert.AreEqual(1L, await database.CountAsync("nodes WHERE parent_id = 1"));
    }

    [TestMethod]
    public async Task LoadAsync_writes_a_self_reference_in_the_first_copy_without_a_second_pass()
    {
        // The foreign key is checked at the end of the COPY, so employee 1 may point at employee 5 loaded after it.
        var database = await TestDatabase.CreateAsync(Employees);
        var (plan, _) = EmployeesPlan(withForeignKey: true, [Row(1, 5), Row(2, 1), Row(3, 1), Row(4, 3), Row(5, 3)]);
        var lines = new List<string>();

        var report = await LoadAsync(database, plan, lines);

        Assert.HasCount(1, lines, "one COPY, no UPDATE: " + string.Join(" | ", lines));
        Assert.AreEqual(5L, report.Tables[0].DeferredRows);
        Assert.AreEqual("1>5 2>1 3>1 4>3 5>3", await ManagersAsync(database));
    }

    [TestMethod]
    public async Task LoadAsync_writes_a_self_reference_the_plan_leaves_out_of_its_columns()
    {
        var database = await TestDatabase.CreateAsync(Employees);
        var (plan, table) = EmployeesPlan(withForeignKey: true, [Row(2, 1), Row(3, 2)]);
        var narrow = new FixedTablePlan(
            table, table.Columns.Take(2).ToList(), () => plan.Rows().Select(row => row[..2]), plan.DeferredColumns, plan.Key, [.. plan.DeferredRows()]);

        await LoadAsync(database, narrow);

        Assert.AreEqual("1> 2>1 3>2 4> 5>", await ManagersAsync(database));
    }

    [TestMethod]
    public async Task LoadAsync_falls_back_to_the_second_pass_when_deferred_rows_are_out_of_order_and_keeps_earlier_tables()
    {
        var database = await TestDatabase.CreateAsync("CREATE TABLE offices (id integer PRIMARY KEY); " + Employees);
        var offices = Table("offices", Column("id", Integer, nullable: false));
        var (plan, _) = EmployeesPlan(withForeignKey: true, [Row(5, 3), Row(4, 3), Row(2, 1)]);
        var lines = new List<string>();

        await using (var connection = await database.OpenAsync())
        {
            await SeedLoader.LoadAsync(
                connection,
                new SeedPlan(1, [new FixedTablePlan(offices, [Row(1), Row(2)]), plan]),
                new SeedLoadOptions { Log = lines.Add },
                CancellationToken.None);
        }

        Assert.AreEqual("1> 2>1 3> 4>3 5>3", await ManagersAsync(database));
        Assert.AreEqual(2L, await database.CountAsync("offices"), "undoing the fold keeps the tables loaded before it");
        Assert.Contains("employees: manager_id set on 3 rows", lines[^1]);
    }

    private const string Employees =
        "CREATE TABLE employees (id integer PRIMARY KEY, name text NOT NULL, manager_id integer REFERENCES employees (id))";

    private static (FixedTablePlan Plan, TableSchema Table) EmployeesPlan(bool withForeignKey, IReadOnlyList<object?[]> managers)
    {
        var id = Column("id", Integer, nullable: false);
        var managerId = Column("manager_id", Integer);
        var table = Table("employees", id, Column("name", Text, nullable: false), managerId);
        table = withForeignKey ? WithSelfReference(table, "manager_id", "id") : table;
        var plan = new FixedTablePlan(
            table, table.Columns, () => Enumerable.Range(1, 5).Select(n => Row(n, $"e{n}", null)), [managerId], [id], managers);
        return (plan, table);
    }

    private static Task<string> ManagersAsync(TestDatabase database) =>
        database.ScalarAsync<string>("SELECT string_agg(id || '>' || coalesce(manager_id::text, ''), ' ' ORDER BY id) FROM employees");

    private static async Task<SeedReport> LoadAsync(TestDatabase database, TablePlan plan, List<string>? lines = null)
    {
        await using var connection = await database.OpenAsync();
        return await SeedLoader.LoadAsync(connection, new SeedPlan(1, [plan]), new SeedLoadOptions { Log = lines is null ? null : lines.Add }, CancellationToken.None);
    }
}
