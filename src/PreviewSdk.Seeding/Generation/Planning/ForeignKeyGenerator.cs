using PreviewSdk.Seeding.Generation.Values;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// One column of a foreign key: the parent row's value of the referenced column, computed from the parent's index
/// by the parent's own generator (parents' rows are never stored), converted to this column's CLR type when the
/// two differ (an integer key referenced by a bigint column).
/// </summary>
internal sealed class ForeignKeyGenerator(ForeignKeyPick pick, TableModel parent, int referencedOrdinal, Func<object, object>? convert, bool deferred) : ValueGenerator
{
    // Keys that are foreign keys of keys that are foreign keys…: deep enough for any real schema, and a stop for cycles.
    private const int MaxDepth = 16;

    [ThreadStatic]
    private static int depth;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var index = pick.Pick(row);
        if (index < 0)
        {
            return null;
        }

        var value = parent.Generators[referencedOrdinal]!.Generate(parent.StateAt(index));
        return value is null || convert is null ? value : convert(value);
    }

    /// <inheritdoc />
    public override string? NotAddressableReason
    {
        get
        {
            if (deferred)
            {
                return "it is filled in a second pass, after the rows that would reference it";
            }

            if (depth >= MaxDepth)
            {
                return "its foreign keys reference each other in a loop";
            }

            depth++;
            try
            {
                return parent.Generators[referencedOrdinal]?.NotAddressableReason;
            }
            finally
            {
                depth--;
            }
        }
    }
}
