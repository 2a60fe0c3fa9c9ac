using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Generation.Values;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>How a foreign key chooses the parent row of a child row.</summary>
internal enum PickMode
{
    /// <summary>Any parent row, at random (NULL in a share of rows when the key is nullable).</summary>
    Random,

    /// <summary>A distinct parent per row (a unique foreign key): <c>perm(row)</c>.</summary>
    Permuted,

    /// <summary>A digit of a <see cref="TupleEnumeration"/>: distinct with the other columns of a unique constraint.</summary>
    Tuple,

    /// <summary>The parent the row is generated for, in a table sized per parent.</summary>
    PerParent,

    /// <summary>A row of the same table before this one (a self-reference, so trees have no loops); row 0 gets NULL.</summary>
    Earlier,

    /// <summary>Always NULL: the parent is skipped or has no rows.</summary>
    Null,
}

/// <summary>
/// The parent row index a child row's foreign key points at (-1 for NULL), a pure function of the row: every column
/// of a composite key asks the same pick and gets the same parent.
/// </summary>
internal sealed class ForeignKeyPick
{
    private readonly PickMode mode;
    private readonly long parentRows;
    private readonly double nullShare;
    private readonly ulong seed;
    private readonly IndexPermutation? permutation;
    private readonly TupleEnumeration? enumeration;
    private readonly long divisor;

    /// <summary>A pick of <paramref name="mode"/> among <paramref name="parentRows"/> parent rows.</summary>
    public ForeignKeyPick(PickMode mode, long parentRows, double nullShare, ulong seed, TupleEnumeration? enumeration = null, long divisor = 1)
    {
        this.mode = parentRows <= 0 && mode != PickMode.Earlier ? PickMode.Null : mode;
        this.parentRows = parentRows;
        this.nullShare = nullShare;
        this.seed = seed;
        this.enumeration = enumeration;
        this.divisor = divisor;
        if (this.mode == PickMode.Permuted)
        {
            permutation = new IndexPermutation(seed, parentRows);
        }
    }

    /// <summary>The mode.</summary>
    public PickMode Mode => mode;

    /// <summary>The parent index of <paramref name="row"/>, or -1 for NULL.</summary>
    public long Pick(in RowState row)
    {
        switch (mode)
        {
            case PickMode.PerParent:
                return row.Parent;
            case PickMode.Permuted:
                return permutation!.Apply(row.Row);
            case PickMode.Tuple:
                return TupleEnumeration.Digit(enumeration!.IndexFor(row), divisor, parentRows);
            case PickMode.Null:
                return -1;
        }

        var random = new CellRandom(seed, row.Row, row.Attempt);
        if (nullShare > 0 && random.Chance(nullShare))
        {
            return -1;
        }

        if (mode == PickMode.Earlier)
        {
            return row.Row == 0 ? -1 : random.NextLong(row.Row);
        }

        return random.NextLong(parentRows);
    }
}
