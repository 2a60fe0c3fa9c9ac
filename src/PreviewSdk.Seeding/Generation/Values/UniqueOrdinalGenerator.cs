using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Distinct values by construction: row i gets a value in its own slice of the range,
/// <c>lo + i·step + jitter</c> with the jitter below the step. With a step of 1 that is the key sequence
/// 1, 2, 3… an identity or serial column gets, and a child computes a parent's key from the parent's index alone.
/// </summary>
internal sealed class UniqueOrdinalGenerator : ValueGenerator
{
    private readonly OrdinalScale scale;
    private readonly long lo;
    private readonly long step;
    private readonly ulong seed;

    /// <summary>Spreads <paramref name="rows"/> values over <paramref name="range"/>, which holds at least that many.</summary>
    public UniqueOrdinalGenerator(OrdinalScale scale, OrdinalRange range, long rows, ulong seed, bool sequential)
    {
        this.scale = scale;
        this.seed = seed;
        lo = range.Lo;
        step = sequential ? 1 : Math.Max(1, range.Count / Math.Max(rows, 1));
    }

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var offset = row.Row * step;
        if (step > 1)
        {
            var random = new CellRandom(seed, row.Row, row.Attempt);
            offset += random.NextLong(step);
        }

        return scale.FromUnits(lo + offset);
    }
}
