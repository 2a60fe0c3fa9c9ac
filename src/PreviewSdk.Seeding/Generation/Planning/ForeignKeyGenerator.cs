using PreviewSdk.Seeding.Generation.Values;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// One column of a foreign key: the parent row's value of the referenced column, computed from the parent's index
/// by the parent's own generator (parents' rows are never stored), converted to this column's CLR type when the
/// two differ (an integer key referenced by a bigint column).
/// </summary>
internal sealed class ForeignKeyGenerator(ForeignKeyPick pick, TableModel parent, int referencedOrdinal, Func<object, object>? convert) : ValueGenerator
{
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
    public override string? NotAddressableReason =>
        pick.Mode == PickMode.Earlier ? "it is filled in a second pass" : parent.Generators[referencedOrdinal]?.NotAddressableReason;
}
