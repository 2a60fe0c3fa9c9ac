using System.Text;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// An array of text-form values (<c>tsvector[]</c>, <c>point[]</c>…) in PostgreSQL's array text form,
/// <c>{"(1,2)","(3,4)"}</c>: one to four elements, each quoted, for the staging table to cast.
/// </summary>
internal sealed class TextArrayGenerator(ValueGenerator element, ulong seed) : ValueGenerator
{
    private const int MaxElements = 4;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        var count = (int)random.Between(1, MaxElements);
        var builder = new StringBuilder("{");
        for (var i = 0; i < count; i++)
        {
            var cell = new RowState((row.Row * MaxElements) + i, row.Parent, row.Position, row.Attempt, null);
            builder.Append(i > 0 ? "," : string.Empty);
            if (element.Generate(cell) is { } value)
            {
                builder.Append('"').Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                builder.Append("NULL");
            }
        }

        return builder.Append('}').ToString();
    }
}
