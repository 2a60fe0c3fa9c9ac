using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// A full name made of the same row's first and last names (Roundcube's contacts: name, firstname, surname), so the
/// three agree, as do the e-mail addresses made from them. A row missing either part gets the column's own name.
/// </summary>
internal sealed class JoinedNameGenerator(int firstOutput, int lastOutput, ulong seed, bool unique, int minLength, int? maxLength, long rows, ValueGenerator fallback) : ValueGenerator
{
    private readonly int max = maxLength ?? int.MaxValue;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        if (row.Values![firstOutput] is not string { Length: > 0 } first || row.Values[lastOutput] is not string { Length: > 0 } last)
        {
            return fallback.Generate(row);
        }

        var random = new CellRandom(seed, row.Row, row.Attempt);
        var text = string.Concat(first, " ", last);
        return unique
            ? TextFitting.Distinct(text, row.Row, minLength, max, rows, ref random)
            : text.Length > max || text.Length < minLength ? TextFitting.Fit(text, minLength, max, ref random) : text;
    }

    /// <inheritdoc />
    public override string? NotAddressableReason => "it is made from the row's names";
}
