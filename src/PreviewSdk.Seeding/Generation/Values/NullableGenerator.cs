using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>NULL in a fixed share of rows (chosen by the cell's own random numbers), else the inner value.</summary>
internal sealed class NullableGenerator(ValueGenerator inner, ulong seed, double nullShare) : ValueGenerator
{
    /// <summary>The share of NULLs in a nullable column that nothing else decides for.</summary>
    public const double DefaultShare = 0.1;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        return random.Chance(nullShare) ? null : inner.Generate(row);
    }

    /// <inheritdoc />
    public override string? NotAddressableReason => inner.NotAddressableReason;
}
