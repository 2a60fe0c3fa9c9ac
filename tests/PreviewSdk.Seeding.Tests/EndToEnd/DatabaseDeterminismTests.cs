using PreviewSdk.Seeding.Tests.Schema;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>
/// The same schema, seed and row counts give the same database, byte for byte as COPY prints it; a column or table
/// added elsewhere leaves every other value alone; another seed gives other rows.
/// </summary>
[TestClass]
public sealed class DatabaseDeterminismTests
{
    private static SeedTarget reference = null!;
    private static List<string> tables = null!;

    [ClassInitialize]
    public static async Task SeedTheReferenceAsync(TestContext context)
    {
        reference = await SeedTarget.CreateAsync(RichSchema.Sql);
        await reference.SeedSuccessfullyAsync(RichSchemaSeed.Settings());
        tables = await reference.TablesAsync();
    }

    [TestMethod]
    public async Task Two_databases_seeded_alike_hold_identical_rows()
    {
        var twin = await SeedTarget.CreateAsync(RichSchema.Sql);
        await twin.SeedSuccessfullyAsync(RichSchemaSeed.Settings());

        CollectionAssert.AreEqual(tables, await twin.TablesAsync());
        foreach (var table in tables)
        {
            var expected = await reference.DumpAsync(table);
            Assert.AreEqual(expected, await twin.DumpAsync(table), $"{table} differs");
        }

        Assert.IsGreaterThan(100_000, (await reference.DumpAsync("customers")).Length + (await reference.DumpAsync("orders")).Length);
    }

    [TestMethod]
    public async Task An_extra_column_and_an_extra_table_leave_every_other_value_unchanged()
    {
        var extended = await SeedTarget.CreateAsync(RichSchema.Sql + """

            ALTER TABLE customers ADD COLUMN nickname varchar(30) NOT NULL;
            CREATE TABLE crm.campaigns (
                id serial PRIMARY KEY,
                name varchar(80) NOT NULL UNIQUE,
                owner_id integer REFERENCES employees (id),
                starts_on date NOT NULL);
            """);
        await extended.SeedSuccessfullyAsync(RichSchemaSeed.Settings());

        Assert.IsGreaterThan(0L, await extended.CountAsync("crm.campaigns"));
        Assert.AreEqual(0L, await extended.ScalarAsync<long>("SELECT count(*) FROM customers WHERE nickname = ''"));
        foreach (var table in tables)
        {
            var columns = await reference.ColumnsAsync(table);
            Assert.AreEqual(await reference.DumpAsync(table, columns), await extended.DumpAsync(table, columns), $"{table} differs");
        }
    }

    [TestMethod]
    public async Task Another_seed_gives_other_rows()
    {
        var other = await SeedTarget.CreateAsync(RichSchema.Sql);
        await other.SeedSuccessfullyAsync(RichSchemaSeed.Settings(seed: 4243));

        foreach (var table in new[] { "customers", "products", "employees", "orders", "crm.tickets" })
        {
            Assert.AreNotEqual(await reference.DumpAsync(table), await other.DumpAsync(table), $"{table} is the same with another seed");
        }
    }
}
