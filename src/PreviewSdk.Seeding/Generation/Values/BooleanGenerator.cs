using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>True with a fixed probability (mostly true for <c>is_active</c>, mostly false for <c>is_deleted</c>).</summary>
internal sealed class BooleanGenerator(ulong seed, double trueShare) : ValueGenerator
{
    // Boxed once: a boolean cell then allocates nothing.
    private static readonly object True = true;
    private static readonly object False = false;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        return random.Chance(trueShare) ? True : False;
    }
}
