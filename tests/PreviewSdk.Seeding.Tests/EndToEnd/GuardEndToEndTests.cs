using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Tests.Schema;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>
/// <see cref="DatabaseSeeder.SeedAsync"/> writes only into the empty (or reset) database its environment marked,
/// and a refusal writes nothing.
/// </summary>
[TestClass]
public sealed class GuardEndToEndTests
{
    [TestMethod]
    public async Task An_unmarked_database_is_refused_as_PREVIEW4040_and_gets_no_row()
    {
        var target = await SeedTarget.CreateAsync(RichSchema.Sql, markedFor: null);

        var result = await target.SeedAsync(RichSchemaSeed.Settings());

        var error = SeedTarget.SingleError(result, DiagnosticCodes.SeedDatabaseNotMarked);
        Assert.Contains($"The database '{target.Name}' carries no PreviewSdk marker of environment '{SeedTarget.Environment}'", error.Message);
        Assert.HasCount(15, await target.TablesAsync());
        await target.AssertNoRowsAsync();
    }

    [TestMethod]
    public async Task The_database_of_another_environment_is_refused_as_PREVIEW4042_and_gets_no_row()
    {
        var target = await SeedTarget.CreateAsync(RichSchema.Sql, markedFor: "env-2");

        var result = await target.SeedAsync(RichSchemaSeed.Settings());

        var error = SeedTarget.SingleError(result, DiagnosticCodes.SeedDatabaseOfAnotherEnvironment);
        Assert.Contains($"'{target.Name}' is marked as the database of preview environment 'env-2', not of '{SeedTarget.Environment}'", error.Message);
        Assert.HasCount(15, await target.TablesAsync());
        await target.AssertNoRowsAsync();
    }

    [TestMethod]
    public async Task Seeding_twice_is_refused_as_PREVIEW4043_and_with_reset_gives_the_same_rows_again()
    {
        var target = await SeedTarget.CreateAsync(RichSchema.Sql);
        await target.SeedSuccessfullyAsync(RichSchemaSeed.Settings());
        var first = await target.CountsAsync();
        var firstOrders = await target.DumpAsync("orders");

        var again = await target.SeedAsync(RichSchemaSeed.Settings());

        var error = SeedTarget.SingleError(again, DiagnosticCodes.SeedTablesNotEmpty);
        Assert.Contains($"The database '{target.Name}' already holds rows in ", error.Message);
        foreach (var table in new[] { "departments", "employees", "customers", "orders", "order_lines", "crm.tickets", "search_terms" })
        {
            Assert.Contains(table, error.Message);
        }

        Assert.DoesNotContain("__EFMigrationsHistory", error.Message);
        CollectionAssert.AreEquivalent(first, await target.CountsAsync(), "the refused run wrote nothing");

        var reset = await target.SeedAsync(RichSchemaSeed.Settings(), reset: true);

        Assert.IsTrue(reset.Succeeded, SeedTarget.Describe(reset.Diagnostics));
        CollectionAssert.AreEquivalent(first, await target.CountsAsync());
        Assert.AreEqual(firstOrders, await target.DumpAsync("orders"), "the same seed gives the same rows after a reset");
    }
}
