namespace PreviewSdk.Seeding.Generation.Randomness;

/// <summary>
/// Hashes that are the same on every machine and every run: FNV-1a 64 over the UTF-16 code units of names, and
/// the SplitMix64 finalizer to spread bits. <see cref="string.GetHashCode()"/> is randomised per process, so it
/// can never seed generated data.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The odd constant of SplitMix64 (2^64 / golden ratio): consecutive multiples of it are well spread.</summary>
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The seed of one column's values: a function of the seed, the table and the column only.</summary>
    public static ulong ForColumn(int seed, string table, string column) =>
        Mix(Text(Text(Number(FnvOffset, (ulong)(uint)seed), table), column));

    /// <summary>A seed derived from another for a different purpose (NULL decisions, picks), so they do not correlate.</summary>
    public static ulong Derive(ulong seed, string purpose) => Mix(Text(Number(FnvOffset, seed), purpose));

    /// <summary>A seed derived from another and a number (a parent index, an attempt).</summary>
    public static ulong Derive(ulong seed, long value) => Mix(seed ^ Mix((ulong)value + Golden));

    /// <summary>The SplitMix64 finalizer: a bijection on 64-bit values that turns close inputs into unrelated outputs.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a of a string's code units (both bytes of each), with a terminator so ("ab","c") differs from ("a","bc").</summary>
    public static ulong Text(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * FnvPrime;
            hash = (hash ^ (byte)(c >> 8)) * FnvPrime;
        }

        return (hash ^ 0xFF) * FnvPrime;
    }

    /// <summary>FNV-1a of a 64-bit number's eight bytes, little end first.</summary>
    public static ulong Number(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (8 * i))) * FnvPrime;
        }

        return hash;
    }
}
