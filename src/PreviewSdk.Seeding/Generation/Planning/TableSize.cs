using PreviewSdk.Core.Arithmetic;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// How many rows a table gets and, for a table sized per parent, which rows belong to which parent: the first row
/// of each parent's children (one <see cref="long"/> per parent row, the only memory that grows with the data).
/// </summary>
internal sealed class TableSize
{
    private readonly long[]? offsets;

    private TableSize(long rows, long[]? offsets, ForeignKey? perParentKey, PerParentSizing? sizing)
    {
        Rows = rows;
        this.offsets = offsets;
        PerParentKey = perParentKey;
        Sizing = sizing;
    }

    /// <summary>The number of rows.</summary>
    public long Rows { get; }

    /// <summary>The foreign key to the parent the table is sized per, or null.</summary>
    public ForeignKey? PerParentKey { get; }

    /// <summary>The per-parent sizing, or null.</summary>
    public PerParentSizing? Sizing { get; }

    /// <summary>The number of parent rows when sized per parent.</summary>
    public long Parents => offsets is null ? 0 : offsets.Length - 1;

    /// <summary>
    /// A fixed number of rows: the table's setting or the default, times the scale, rounded, at least 1 and at most
    /// <see cref="ManifestBounds.MaximumScaledRows"/> (a larger product is refused before planning, see
    /// <see cref="Scaled"/>; the cap only keeps the arithmetic defined).
    /// </summary>
    public static TableSize Fixed(long? rows, SeedSettings settings) =>
        new(Math.Clamp(Scaled(rows ?? settings.DefaultRows, settings.Scale), 1, ManifestBounds.MaximumScaledRows), null, null, null);

    /// <summary>Rows × scale, rounded, saturating instead of overflowing.</summary>
    public static long Scaled(long rows, double scale) => Saturating.RoundToCount(rows * scale);

    /// <summary>Between min and max rows for each of <paramref name="parents"/> parent rows, the count of each drawn from its index.</summary>
    public static TableSize PerParent(PerParentSizing sizing, ForeignKey key, long parents, ulong seed)
    {
        var offsets = new long[parents + 1];
        var total = 0L;
        for (var p = 0; p < parents; p++)
        {
            offsets[p] = total;
            var random = new CellRandom(seed, p);
            // The settings validator refuses parents × max above the bound; the cap only keeps the sum defined.
            total = Math.Min(Saturating.Add(total, random.Between(sizing.Min, sizing.Max)), ManifestBounds.MaximumScaledRows);
        }

        offsets[parents] = total;
        return new TableSize(total, offsets, key, sizing);
    }

    /// <summary>The first row of parent <paramref name="parent"/>'s children.</summary>
    public long FirstRowOf(long parent) => offsets![parent];

    /// <summary>The parent and the position among its children of <paramref name="row"/>; (-1, row) when not sized per parent.</summary>
    public (long Parent, long Position) Locate(long row)
    {
        if (offsets is null)
        {
            return (-1, row);
        }

        // The last parent whose first row is at or before the row (parents with no children share a first row).
        long lo = 0, hi = offsets.Length - 2;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (offsets[mid] <= row)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (lo, row - offsets[lo]);
    }
}
