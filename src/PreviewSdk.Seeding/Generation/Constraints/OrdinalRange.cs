namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>
/// The values an ordered column may take, in whole units of its <see cref="OrdinalScale"/> (cents, days,
/// seconds), both ends included. Empty when <see cref="Lo"/> &gt; <see cref="Hi"/>.
/// </summary>
/// <param name="Lo">The smallest allowed value, in units.</param>
/// <param name="Hi">The largest allowed value, in units.</param>
internal readonly record struct OrdinalRange(long Lo, long Hi)
{
    /// <summary>True when no value is allowed.</summary>
    public bool IsEmpty => Lo > Hi;

    /// <summary>How many distinct values the range holds (saturating at <see cref="long.MaxValue"/>).</summary>
    public long Count => IsEmpty ? 0 : (ulong)(Hi - Lo) >= long.MaxValue ? long.MaxValue : Hi - Lo + 1;

    /// <summary>The values both ranges allow.</summary>
    public OrdinalRange Intersect(OrdinalRange other) => new(Math.Max(Lo, other.Lo), Math.Min(Hi, other.Hi));

    /// <summary>
    /// This range (a generator's natural one, say prices 1–1000) moved inside <paramref name="allowed"/>: their
    /// intersection, or when they do not meet (or share only a sliver of either), a window of the same width at the
    /// near edge of what is allowed.
    /// </summary>
    public OrdinalRange FitInto(OrdinalRange allowed)
    {
        var both = Intersect(allowed);
        if (allowed.IsEmpty || (!both.IsEmpty && (both.Count >= Count / 8 || both.Count >= allowed.Count / 8)))
        {
            return both;
        }

        // They barely touch (a window of two years ending where a partition's month begins): a sliver is no
        // spread at all, so the window moves into what is allowed instead.
        var width = Math.Max(0, Hi - Lo);
        return allowed.Lo >= Lo
            ? new OrdinalRange(allowed.Lo, SaturatingAdd(allowed.Lo, width) is var high && high < allowed.Hi ? high : allowed.Hi)
            : new OrdinalRange(SaturatingAdd(allowed.Hi, -width) is var low && low > allowed.Lo ? low : allowed.Lo, allowed.Hi);
    }

    /// <summary>The largest whole unit at or below <paramref name="units"/>, saturating at the ends of <see cref="long"/>.</summary>
    public static long Floor(decimal units) => units >= long.MaxValue ? long.MaxValue : units <= long.MinValue ? long.MinValue : (long)decimal.Floor(units);

    /// <summary>The smallest whole unit at or above <paramref name="units"/>, saturating at the ends of <see cref="long"/>.</summary>
    public static long Ceiling(decimal units) => units >= long.MaxValue ? long.MaxValue : units <= long.MinValue ? long.MinValue : (long)decimal.Ceiling(units);

    /// <summary>Adds without wrapping around.</summary>
    public static long SaturatingAdd(long value, long delta)
    {
        var sum = value + delta;
        if (delta > 0 && sum < value)
        {
            return long.MaxValue;
        }

        return delta < 0 && sum > value ? long.MinValue : sum;
    }
}
