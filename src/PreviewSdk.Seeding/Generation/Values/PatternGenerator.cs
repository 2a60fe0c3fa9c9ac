using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Text matching a CHECK's pattern. When the column's inferred text usually matches already (an e-mail column with
/// an e-mail CHECK), that text is kept and the pattern only replaces values that do not match.
/// </summary>
internal sealed class PatternGenerator(SimplePattern pattern, string regex, ValueGenerator? preferred, ulong seed, int minLength, int maxLength) : ValueGenerator
{
    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        if (preferred?.Generate(row) is string text && RuleEvaluator.Matches(text, regex))
        {
            return text;
        }

        var random = new CellRandom(seed, row.Row, row.Attempt);
        return pattern.Generate(ref random, minLength, maxLength);
    }
}
