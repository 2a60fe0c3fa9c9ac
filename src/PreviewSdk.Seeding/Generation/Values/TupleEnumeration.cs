using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Distinct combinations for a unique constraint over columns with few possible values each (foreign keys: the
/// parent rows; enums, booleans, lists). Each combination is a number below the product of the columns' counts,
/// read digit by digit (one digit per column, in mixed radix). Row i takes combination <c>perm(i)</c>, so rows
/// never repeat one; in a table sized per parent, child k of parent p takes <c>(start_p + k·stride_p) mod size</c>
/// with the stride coprime to the size, so the children of one parent never repeat one.
/// </summary>
internal sealed class TupleEnumeration
{
    private readonly IndexPermutation permutation;
    private readonly bool perParent;
    private readonly ulong seed;

    /// <summary>Combinations of <paramref name="size"/> possibilities.</summary>
    public TupleEnumeration(long size, ulong seed, bool perParent)
    {
        Size = size;
        this.seed = seed;
        this.perParent = perParent;
        permutation = new IndexPermutation(seed, size);
    }

    /// <summary>The number of distinct combinations.</summary>
    public long Size { get; }

    /// <summary>The combination of a row.</summary>
    public long IndexFor(in RowState row)
    {
        if (!perParent)
        {
            return permutation.Apply(row.Row);
        }

        var random = new CellRandom(seed, row.Parent);
        var start = random.NextLong(Size);
        var stride = Size <= 1 ? 1 : 1 + random.NextLong(Size - 1);
        while (Gcd(stride, Size) != 1)
        {
            stride = stride % (Size - 1) + 1;
        }

        return (long)(((UInt128)(ulong)start + ((UInt128)(ulong)row.Position * (ulong)stride)) % (ulong)Size);
    }

    /// <summary>One column's digit of a combination.</summary>
    public static long Digit(long combination, long divisor, long radix) => combination / divisor % radix;

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
