using System.Text.RegularExpressions;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Loading;
using static PreviewSdk.Seeding.Tests.Loading.TestSchema;

namespace PreviewSdk.Seeding.Tests.Loading;

/// <summary>What a load tells: one log line per table and a report with rows and times.</summary>
[TestClass]
public sealed class SeedLoaderReportTests
{
    [TestMethod]
    public async Task LoadAsync_logs_one_line_per_table_and_reports_rows_per_table()
    {
        var database = await TestDatabase.CreateAsync(
            "CREATE SCHEMA sales; CREATE TABLE customers (id integer PRIMARY KEY); CREATE TABLE sales.orders (id integer PRIMARY KEY)");
        var customers = Table("customers", Column("id", Integer, nullable: false));
        var orders = Table("orders", Column("id", Integer, nullable: false)) with { Schema = "sales" };
        var lines = new List<string>();
        await using var connection = await database.OpenAsync();

        var report = await SeedLoader.LoadAsync(
            connection,
            new SeedPlan(42,
            [
                new FixedTablePlan(customers, customers.Columns, () => Enumerable.Range(1, 3).Select(n => Row(n))),
                new FixedTablePlan(orders, orders.Columns, () => Enumerable.Range(1, 2_000).Select(n => Row(n))),
            ]),
            new SeedLoadOptions { Log = lines.Add },
            CancellationToken.None);

        Assert.HasCount(2, lines);
        Assert.MatchesRegex(new Regex(@"^customers: 3 rows in \d+ ms$"), lines[0]);
        Assert.MatchesRegex(new Regex(@"^sales\.orders: 2,000 rows in [\d,]+ ms$"), lines[1]);
        Assert.AreEqual(42, report.Seed);
        Assert.AreEqual(2_003L, report.TotalRows);
        CollectionAssert.AreEqual(new[] { "customers", "sales.orders" }, report.Tables.Select(table => table.DisplayName).ToArray());
        Assert.AreEqual(2_000L, report.Tables[1].Rows);
        Assert.AreEqual(2_000L, await database.CountAsync("sales.orders"));
        Assert.IsGreaterThanOrEqualTo(report.Tables.Max(table => table.Elapsed), report.Elapsed);
    }
}
