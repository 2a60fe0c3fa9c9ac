using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Fake text made distinct by the row's index (<c>jane.doe17@example.org</c>, <c>Ergonomic Steel Chair-17</c>),
/// see <see cref="TextFitting.Distinct"/>: unique without remembering earlier rows, and a pure function of the
/// row's index, so it can be a key other tables reference.
/// </summary>
internal sealed class UniqueTextGenerator(SemanticKind kind, ulong seed, int minLength, int? maxLength, long rows) : ValueGenerator
{
    private readonly int max = maxLength ?? int.MaxValue;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        if (kind == SemanticKind.DomainName && max >= 24)
        {
            // The row number goes into the first label (north-harbor-17.example.net), as it goes before an e-mail's @.
            var label = FakeText.DomainLabel(ref random);
            var domain = FakeText.DomainName(ref random, string.Empty);
            return string.Concat(TextFitting.Distinct(label, row.Row, 1, max - domain.Length, rows, ref random), domain);
        }

        var text = kind switch
        {
            // Their unique forms have no digits, so the row number after them stays unambiguous.
            SemanticKind.Email => FakeText.Email(ref random, unique: true),
            SemanticKind.UserName => FakeText.UserName(ref random, unique: true),
            _ => FakeText.Make(kind, ref random, maxLength),
        };
        return TextFitting.Distinct(text, row.Row, minLength, max, rows, ref random);
    }
}
