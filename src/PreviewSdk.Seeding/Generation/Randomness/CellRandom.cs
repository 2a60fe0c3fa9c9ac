namespace PreviewSdk.Seeding.Generation.Randomness;

/// <summary>
/// The random numbers of one cell: SplitMix64 started from (column seed, row index, attempt). Counter-based, so a
/// cell's value is a pure function of where it is: row 7 is the same whether or not rows 0–6 were generated, which
/// lets a child compute a parent's key from the parent's row index without the parent's rows. A struct on the
/// stack: drawing numbers allocates nothing.
/// </summary>
internal struct CellRandom
{
    private ulong state;

    /// <summary>The generator of one cell.</summary>
    public CellRandom(ulong seed, long row, int attempt = 0)
    {
        state = StableHash.Mix(seed ^ ((ulong)row * StableHash.Golden) ^ ((ulong)attempt << 48));
    }

    /// <summary>64 random bits.</summary>
    public ulong NextUInt64()
    {
        state += StableHash.Golden;
        return StableHash.Mix(state);
    }

    /// <summary>A number in [0, <paramref name="count"/>); 0 when count is 0 or less.</summary>
    public int Next(int count) => count <= 0 ? 0 : (int)(((NextUInt64() >> 32) * (ulong)count) >> 32);

    /// <summary>A number in [0, <paramref name="count"/>), by the high half of a 128-bit product (no modulo bias worth noting).</summary>
    public long NextLong(long count) => count <= 0 ? 0 : (long)Math.BigMul(NextUInt64(), (ulong)count, out _);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], both included.</summary>
    public long Between(long min, long max)
    {
        var span = (ulong)(max - min);
        return span == ulong.MaxValue ? (long)NextUInt64() : min + (long)Math.BigMul(NextUInt64(), span + 1, out _);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>One item of an array, uniformly.</summary>
    public T Pick<T>(T[] items) => items[Next(items.Length)];
}
