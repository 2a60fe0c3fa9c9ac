using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Migrations;

namespace PreviewSdk.Seeding.Tests.Migrations;

[TestClass]
public sealed class SnapshotComparerTests
{
    private static readonly MigrationInfo Migration = new("20260101000000_Change", "Change", "/repo/Migrations/20260101000000_Change.cs");
    private static readonly SourceLocation Location = SourceLocation.WholeFile(Migration.FilePath!);

    [TestMethod]
    public void Compare_takes_a_renamed_table_and_column_for_a_rename_not_a_loss()
    {
        var before = Snapshot(Table(1, "customers", 3, Column(1, "id", "integer", 3, 3), Column(2, "mail", "text", 3, 40)));
        var after = Snapshot(Table(1, "clients", 3, Column(1, "id", "integer", 3, 3), Column(2, "email", "text", 3, 40)));

        var diff = SnapshotComparer.Compare(Migration, before, after, Location);

        Assert.IsEmpty(diff.Losses);
        CollectionAssert.AreEqual(
            new[] { "renamed table customers (now clients)", "renamed column clients.mail (now email)" },
            diff.Changes.Select(c => c.ToString()).ToList());
    }

    [TestMethod]
    public void Compare_matches_a_table_rebuilt_under_its_old_name_by_name()
    {
        var before = Snapshot(Table(1, "orders", 2, Column(1, "id", "integer", 2, 2), Column(2, "note", "text", 1, 5)));
        var after = Snapshot(Table(9, "orders", 2, Column(1, "id", "integer", 2, 2)));

        var diff = SnapshotComparer.Compare(Migration, before, after, Location);

        Assert.AreEqual(DiagnosticCodes.MigrationDroppedColumn, diff.Losses.Single().Code);
        Assert.AreEqual(Location.File, diff.Losses.Single().File);
    }

    [TestMethod]
    public void Compare_reports_a_widened_type_but_fails_a_narrowed_one_that_held_values()
    {
        var before = Snapshot(Table(1, "products", 2,
            Column(1, "price", "numeric(10,2)", 2, 10), Column(2, "name", "character varying(200)", 2, 20), Column(3, "code", "character varying(20)", 0, 0)));
        var after = Snapshot(Table(1, "products", 2,
            Column(1, "price", "numeric(12,2)", 2, 10), Column(2, "name", "character varying(50)", 2, 20), Column(3, "code", "character varying(5)", 0, 0)));

        var diff = SnapshotComparer.Compare(Migration, before, after, Location);

        var error = diff.Losses.Single();
        Assert.AreEqual(DiagnosticCodes.MigrationRetypedColumn, error.Code);
        Assert.Contains("changed column 'products.name' from character varying(200) to character varying(50) while it held 2 values", error.Message);
        Assert.HasCount(3, diff.Changes.Where(c => c.Kind == SchemaChangeKind.RetypedColumn).ToList());
    }

    [TestMethod]
    public void Compare_blames_lost_rows_once_and_not_the_columns_that_went_with_them()
    {
        var before = Snapshot(Table(1, "orders", 4, Column(1, "id", "integer", 4, 4), Column(2, "note", "text", 4, 20)));
        var after = Snapshot(Table(1, "orders", 1, Column(1, "id", "integer", 1, 1)));

        var diff = SnapshotComparer.Compare(Migration, before, after, Location);

        var error = diff.Losses.Single();
        Assert.AreEqual(DiagnosticCodes.MigrationLostRows, error.Code);
        Assert.Contains("lost 3 of the rows of table 'orders': 4 before it, 1 after.", error.Message);
    }

    [TestMethod]
    public void Compare_accepts_dropping_an_empty_table_and_adding_rows_and_tables()
    {
        var before = Snapshot(Table(1, "legacy", 0, Column(1, "id", "integer", 0, 0)), Table(2, "orders", 2, Column(1, "id", "integer", 2, 2)));
        var after = Snapshot(Table(2, "orders", 5, Column(1, "id", "integer", 5, 5)), Table(3, "audit", 0, Column(1, "id", "integer", 0, 0)));

        var diff = SnapshotComparer.Compare(Migration, before, after, Location);

        Assert.IsEmpty(diff.Losses);
        CollectionAssert.AreEqual(new[] { "dropped table legacy (empty)", "added table audit" }, diff.Changes.Select(c => c.ToString()).ToList());
    }

    private static CatalogSnapshot Snapshot(params TableSnapshot[] tables) => new(tables);

    private static TableSnapshot Table(uint oid, string name, long rows, params ColumnSnapshot[] columns) => new(oid, "public", name, rows, columns);

    private static ColumnSnapshot Column(int number, string name, string type, long values, long length) => new(number, name, type, values, length);
}
