using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Tests.Loading;

/// <summary>
/// A table plan that yields the rows a test chooses: the data source the loader reads from, standing in for the
/// planner's generated rows. The database the rows go into is always a real one.
/// </summary>
internal sealed class FixedTablePlan : TablePlan
{
    private readonly Func<IEnumerable<object?[]>> rows;
    private readonly IReadOnlyList<object?[]> deferredRows;

    public FixedTablePlan(TableSchema table, IReadOnlyList<object?[]> rows)
        : this(table, table.Columns.Where(column => !column.IsGenerated).ToList(), () => rows)
    {
    }

    public FixedTablePlan(
        TableSchema table,
        IReadOnlyList<ColumnSchema> columns,
        Func<IEnumerable<object?[]>> rows,
        IReadOnlyList<ColumnSchema>? deferredColumns = null,
        IReadOnlyList<ColumnSchema>? key = null,
        IReadOnlyList<object?[]>? deferredRows = null)
    {
        Table = table;
        Columns = columns;
        this.rows = rows;
        DeferredColumns = deferredColumns ?? [];
        Key = key ?? [];
        this.deferredRows = deferredRows ?? [];
    }

    public override TableSchema Table { get; }

    public override IReadOnlyList<ColumnSchema> Columns { get; }

    public override IReadOnlyList<ColumnSchema> DeferredColumns { get; }

    public override IReadOnlyList<ColumnSchema> Key { get; }

    public override long? PlannedRows => null;

    public override IEnumerable<object?[]> Rows() => rows();

    public override IEnumerable<object?[]> DeferredRows() => deferredRows;
}
