using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>One of a list of values (enum labels, an IN list, an override's values), uniformly or by weight.</summary>
internal sealed class ChoiceGenerator : ValueGenerator
{
    private readonly object?[] values;
    private readonly double[]? cumulative;
    private readonly ulong seed;

    /// <summary>Picks uniformly, or by <paramref name="weights"/> (one per value, all above 0) when given.</summary>
    public ChoiceGenerator(IReadOnlyList<object?> values, IReadOnlyList<double>? weights, ulong seed)
    {
        this.values = [.. values];
        this.seed = seed;
        if (weights is not null)
        {
            cumulative = new double[weights.Count];
            var total = 0.0;
            for (var i = 0; i < weights.Count; i++)
            {
                total += weights[i];
                cumulative[i] = total;
            }
        }
    }

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        if (cumulative is null)
        {
            return values[random.Next(values.Length)];
        }

        var target = random.NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (target < cumulative[i])
            {
                return values[i];
            }
        }

        return values[^1];
    }
}
