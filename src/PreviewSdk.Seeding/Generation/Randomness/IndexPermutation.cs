namespace PreviewSdk.Seeding.Generation.Randomness;

/// <summary>
/// A keyed bijection of [0, size): distinct indexes map to distinct indexes, in an order that looks random. Used to
/// hand out the values of a finite domain (parents, enum labels, pattern strings) without repeats and without a
/// table of what was used. A Feistel network over the next even power of two, walking cycles back into range.
/// </summary>
internal sealed class IndexPermutation
{
    private const int Rounds = 4;
    private readonly long size;
    private readonly int halfBits;
    private readonly ulong halfMask;
    private readonly ulong[] keys = new ulong[Rounds];

    /// <summary>A permutation of [0, <paramref name="size"/>) chosen by <paramref name="seed"/>.</summary>
    public IndexPermutation(ulong seed, long size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        this.size = size;
        var bits = 64 - ulong.LeadingZeroCount((ulong)Math.Max(size - 1, 1));
        halfBits = (int)Math.Max(1, (bits + 1) / 2);
        halfMask = (1UL << halfBits) - 1;
        for (var i = 0; i < Rounds; i++)
        {
            keys[i] = StableHash.Derive(seed, i);
        }
    }

    /// <summary>The number of indexes permuted.</summary>
    public long Size => size;

    /// <summary>The image of <paramref name="index"/> (taken modulo the size).</summary>
    public long Apply(long index)
    {
        var x = (ulong)(index % size);
        if (size == 1)
        {
            return 0;
        }

        // Cycle walking: the network permutes [0, 2^(2*halfBits)), at most 4x the size, so a few steps at most.
        do
        {
            x = Encrypt(x);
        }
        while (x >= (ulong)size);

        return (long)x;
    }

    private ulong Encrypt(ulong x)
    {
        var left = x >> halfBits;
        var right = x & halfMask;
        for (var i = 0; i < Rounds; i++)
        {
            var next = left ^ (StableHash.Mix(right ^ keys[i]) & halfMask);
            left = right;
            right = next;
        }

        return (left << halfBits) | right;
    }
}
