using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Tests.Infrastructure;

namespace PreviewSdk.Seeding.Tests.Schema;

[TestClass]
public sealed class SchemaReadOptionsTests
{
    private static TestPostgres postgres = null!;
    private static string database = null!;

    [ClassInitialize]
    public static async Task LoadRichSchema(TestContext context)
    {
        postgres = await TestPostgres.Shared();
        database = await RichSchema.CreateDatabaseAsync(postgres);
    }

    [TestMethod]
    public void Default_excludes_the_EF_migrations_history_and_reads_every_schema()
    {
        CollectionAssert.AreEqual(new[] { "__EFMigrationsHistory" }, SchemaReadOptions.Default.ExcludedTables.ToArray());
        Assert.IsNull(SchemaReadOptions.Default.IncludedSchemas);
    }

    [TestMethod]
    public async Task ReadAsync_reads_the_EF_history_when_nothing_is_excluded()
    {
        var schema = await RichSchema.ReadAsync(postgres, database, new SchemaReadOptions { ExcludedTables = [] });

        var history = schema.Find("__EFMigrationsHistory");
        Assert.IsNotNull(history);
        Assert.AreEqual("PK___EFMigrationsHistory(MigrationId)", SchemaText.Describe(history.PrimaryKey!));
        Assert.HasCount(15, schema.Tables);
    }

    [TestMethod]
    public async Task ReadAsync_reads_only_the_included_schemas()
    {
        var schema = await RichSchema.ReadAsync(postgres, database, new SchemaReadOptions { IncludedSchemas = ["crm", "pg_catalog"] });

        CollectionAssert.AreEqual(new[] { "crm.tickets" }, schema.Tables.Select(table => table.DisplayName).ToArray());
    }

    [TestMethod]
    public async Task ReadAsync_leaves_out_excluded_tables_by_display_name()
    {
        var schema = await RichSchema.ReadAsync(postgres, database, new SchemaReadOptions { ExcludedTables = ["crm.tickets", "orders", "tickets"] });

        Assert.IsNull(schema.Find("crm.tickets"));
        Assert.IsNull(schema.Find("orders"));
        Assert.IsNotNull(schema.Find("order_lines"));
        Assert.IsNotNull(schema.Find("__EFMigrationsHistory"), "a list replaces the default one");
    }
}
