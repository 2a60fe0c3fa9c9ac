using PreviewSdk.Seeding.Generation.Values;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// One table while planning: its size and the generator of each column (by ordinal). Children read a parent's
/// key generators through it, so a generator is found even when the parent's plan is built after the child's
/// (a deferred foreign key into a cycle).
/// </summary>
internal sealed class TableModel(TableSchema table, TableSize size)
{
    /// <summary>The table.</summary>
    public TableSchema Table { get; } = table;

    /// <summary>Its rows and per-parent layout.</summary>
    public TableSize Size { get; } = size;

    /// <summary>The generator of each column by ordinal; null for generated columns.</summary>
    public ValueGenerator?[] Generators { get; } = new ValueGenerator?[table.Columns.Count];

    /// <summary>The ordinal of a column.</summary>
    public int Ordinal(string column)
    {
        for (var i = 0; i < Table.Columns.Count; i++)
        {
            if (string.Equals(Table.Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The state of row <paramref name="row"/> on its own, to compute a key column of it.</summary>
    public RowState StateAt(long row)
    {
        var (parent, position) = Size.Locate(row);
        return new RowState(row, parent, position, 0, null);
    }
}
