using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Version-4-shaped UUIDs that are distinct by construction: 64 of their bits are a bijection of the row index
/// (the SplitMix64 finalizer of index + a per-column key), the rest random. So a uuid key never repeats, and a
/// child computes its parent's uuid from the parent's index.
/// </summary>
internal sealed class UuidGenerator(ulong seed) : ValueGenerator
{
    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var unique = StableHash.Mix((ulong)row.Row + seed);
        var random = new CellRandom(seed, row.Row, row.Attempt);
        var rest = random.NextUInt64();
        // The version nibble (4) and the variant bits (10) keep 64 bits of 'unique' intact: 32 + 16 + 12 + 4.
        return new Guid(
            (int)(uint)unique,
            (short)(ushort)(unique >> 32),
            (short)(ushort)(0x4000 | ((unique >> 48) & 0x0FFF)),
            (byte)(0x80 | ((unique >> 60) & 0x0F) | ((rest & 0x3) << 4)),
            (byte)(rest >> 8),
            (byte)(rest >> 16),
            (byte)(rest >> 24),
            (byte)(rest >> 32),
            (byte)(rest >> 40),
            (byte)(rest >> 48),
            (byte)(rest >> 56));
    }
}
