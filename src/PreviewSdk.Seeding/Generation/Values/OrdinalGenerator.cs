using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// A random number, date, time or interval in a range (in whole units of the column's scale). With
/// <c>favorLow</c> small values are more frequent, as with prices and quantities.
/// </summary>
internal sealed class OrdinalGenerator(OrdinalScale scale, OrdinalRange range, ulong seed, bool favorLow) : ValueGenerator
{
    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        return scale.FromUnits(Draw(ref random, range, favorLow));
    }

    /// <summary>A value of <paramref name="range"/> in units.</summary>
    public static long Draw(ref CellRandom random, OrdinalRange range, bool favorLow)
    {
        if (!favorLow)
        {
            return random.Between(range.Lo, range.Hi);
        }

        // The square of a uniform number: half of the values fall in the lowest quarter of the range.
        var u = random.NextDouble();
        var span = (double)((ulong)(range.Hi - range.Lo));
        return range.Lo + (long)Math.Min(u * u * (span + 1), span);
    }
}
