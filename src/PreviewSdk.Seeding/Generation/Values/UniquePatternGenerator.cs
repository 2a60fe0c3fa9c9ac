using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Distinct text matching a CHECK's pattern: row i gets match number <c>perm(i)</c> of the pattern with fixed
/// segment lengths (<c>^[A-Z]{3}$</c> has 17,576), or the column's inferred text when that is distinct by
/// construction and matches.
/// </summary>
internal sealed class UniquePatternGenerator(SimplePattern pattern, int[] counts, IndexPermutation permutation, string regex, ValueGenerator? preferred) : ValueGenerator
{
    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        if (preferred?.Generate(row) is string text && RuleEvaluator.Matches(text, regex))
        {
            return text;
        }

        return pattern.Enumerate(counts, permutation.Apply(row.Row));
    }
}
