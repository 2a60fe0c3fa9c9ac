namespace PreviewSdk.Core.Arithmetic;

/// <summary>
/// Arithmetic on counts and amounts (bytes, rows, replicas) that stops at the largest value instead of wrapping.
/// Every footprint, limit, scale or row count that is multiplied or summed goes through here: a wrapped sum is a
/// small number, and a small footprint passes every budget (16,384 replicas of 1024Ti wrap to 0 bytes in 64 bits).
/// A saturated value is always above any bound PreviewSdk checks it against, so it is refused, never admitted.
/// </summary>
public static class Saturating
{
    /// <summary><paramref name="left"/> × <paramref name="right"/>, or <see cref="long.MaxValue"/> when the product does not fit.</summary>
    /// <remarks>Negative operands count as 0: no count or amount is negative, and a negative product would shrink a sum.</remarks>
    public static long Multiply(long left, long right)
    {
        if (left <= 0 || right <= 0)
        {
            return 0;
        }

        return left > long.MaxValue / right ? long.MaxValue : left * right;
    }

    /// <summary><paramref name="left"/> + <paramref name="right"/>, or <see cref="long.MaxValue"/> when the sum does not fit; negative operands count as 0.</summary>
    public static long Add(long left, long right)
    {
        left = Math.Max(0, left);
        right = Math.Max(0, right);
        return left > long.MaxValue - right ? long.MaxValue : left + right;
    }

    /// <summary>The sum of <paramref name="values"/>, saturating at <see cref="long.MaxValue"/>; negative values count as 0.</summary>
    public static long Sum(IEnumerable<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sum = 0L;
        foreach (var value in values)
        {
            sum = Add(sum, value);
        }

        return sum;
    }

    /// <summary>
    /// A non-negative amount as a finite double: NaN and negative values are 0, infinity is <see cref="double.MaxValue"/>.
    /// For CPUs, which are doubles: they never wrap, but a NaN compares false with every bound and so would pass a budget.
    /// </summary>
    public static double Amount(double value) =>
        double.IsNaN(value) || value <= 0 ? 0 : double.IsPositiveInfinity(value) ? double.MaxValue : value;

    /// <summary>
    /// <paramref name="value"/> rounded to a whole count (half away from zero) between 0 and <see cref="long.MaxValue"/>:
    /// a conversion of a double beyond a long's range is not defined to saturate on every platform .NET runs on.
    /// </summary>
    public static long RoundToCount(double value)
    {
        if (double.IsNaN(value) || value <= 0)
        {
            return 0;
        }

        // 2^63 is the first double above long.MaxValue; every double below it converts exactly after rounding.
        var rounded = Math.Round(value, MidpointRounding.AwayFromZero);
        return rounded >= 9.2233720368547758E18 ? long.MaxValue : (long)rounded;
    }
}
