using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Migrations;

namespace PreviewSdk.Seeding.Tests.Migrations;

[TestClass]
public sealed class MigrationCheckReportTests
{
    [TestMethod]
    public void Lines_show_rows_per_table_before_and_after_the_dropped_and_retyped_columns_and_the_verdict()
    {
        var seeded = new CatalogSnapshot([Table(1, "customers", 50), Table(2, "orders", 120)]);
        var final = new CatalogSnapshot([Table(1, "clients", 50), Table(2, "orders", 80), Table(3, "notes", 0)]);
        var result = new MigrationCheckResult([DiagnosticFactory.Create(DiagnosticCodes.MigrationLostRows, SourceLocation.WholeFile("002.sql"), "002.sql", "40", "orders", "120", "80")])
        {
            CheckedMigrations = [new MigrationInfo("002.sql", "002", null)],
            Seeded = seeded,
            Final = final,
            Changes = [new SchemaChange("002.sql", SchemaChangeKind.DroppedColumn, "orders.note", "empty"), new SchemaChange("002.sql", SchemaChangeKind.AddedTable, "notes", string.Empty)],
            Elapsed = TimeSpan.FromSeconds(3.2),
        };

        var lines = MigrationCheckReport.Lines("shopdb", result);

        CollectionAssert.AreEqual(
            new[]
            {
                "  table                    rows before → after",
                "  customers (now clients)  50 → 50",
                "  orders                   120 → 80",
                "  notes (new)              - → 0",
                "  Dropped or retyped columns:",
                "    002.sql: dropped column orders.note (empty)",
                "Migration check of 'shopdb' FAILED with 1 error: 1 migration checked in 3.2 s.",
            },
            lines.ToList());
    }

    private static TableSnapshot Table(uint oid, string name, long rows) => new(oid, "public", name, rows, []);
}
