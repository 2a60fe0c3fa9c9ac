using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>Fake text of a kind (a name, an e-mail address, words), fitted to the column's length limits.</summary>
internal sealed class TextGenerator(SemanticKind kind, ulong seed, int minLength, int? maxLength) : ValueGenerator
{
    private readonly int max = maxLength ?? int.MaxValue;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        var text = FakeText.Make(kind, ref random, maxLength);
        return text.Length > max || text.Length < minLength ? TextFitting.Fit(text, minLength, max, ref random) : text;
    }
}
