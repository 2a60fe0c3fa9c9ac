using System.Globalization;
using System.Numerics;

namespace PreviewSdk.Core.Tests.Properties;

/// <summary>
/// A hand-rolled generator for property tests over a type's whole range: a seeded <see cref="Random"/> (so a
/// failure names the seed that reproduces it) that draws edge values (0, ±1, the extremes, powers of two and
/// their neighbours, the product's documented bounds) half of the time and uniformly spread bits otherwise,
/// because overflow bugs live at the edges and uniform draws almost never land there.
/// </summary>
internal sealed class Values(int seed)
{
    private static readonly long[] LongEdges = BuildLongEdges();
    private readonly Random random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>Any long, edge values half of the time.</summary>
    public long AnyLong() =>
        random.Next(2) == 0 ? LongEdges[random.Next(LongEdges.Length)] : random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64);

    /// <summary>A long in [<paramref name="min"/>, <paramref name="max"/>], its ends and edge values within it often.</summary>
    public long Long(long min, long max)
    {
        var inside = LongEdges.Where(edge => edge >= min && edge <= max).Append(min).Append(max).ToArray();
        return random.Next(2) == 0
            ? inside[random.Next(inside.Length)]
            : (long)(min + ((max - (BigInteger)min + 1) * random.NextInt64(long.MaxValue) / long.MaxValue));
    }

    /// <summary>A double in [<paramref name="min"/>, <paramref name="max"/>], its ends often.</summary>
    public double Double(double min, double max) => random.Next(4) switch
    {
        0 => min,
        1 => max,
        _ => min + ((max - min) * random.NextDouble()),
    };

    /// <summary>Any double, including NaN, the infinities, negative zero and subnormals.</summary>
    public double AnyDouble() => random.Next(3) switch
    {
        0 => new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.Epsilon, double.MaxValue, double.MinValue, 1e18, 9.2233720368547758E18 }[random.Next(10)],
        1 => BitConverter.Int64BitsToDouble(random.NextInt64()),
        _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 20)),
    };

    /// <summary>One of <paramref name="items"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A whole number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => random.Next(maxExclusive);

    /// <summary>Runs <paramref name="property"/> <paramref name="cases"/> times with fresh values; a failure names the seed and the case.</summary>
    public static void Check(int cases, Action<Values> property, int seed = 20261206)
    {
        for (var i = 0; i < cases; i++)
        {
            var values = new Values(seed + i);
            try
            {
                property(values);
            }
            catch (Exception e) when (e is not AssertInconclusiveException)
            {
                throw new AssertFailedException(string.Create(CultureInfo.InvariantCulture, $"Property failed for seed {values.Seed} (case {i}): {e.Message}"), e);
            }
        }
    }

    private static long[] BuildLongEdges()
    {
        var edges = new List<long> { 0, 1, -1, 2, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1, int.MaxValue, int.MinValue, 1_000_000_000, 10_000, 100, 101, 16_384 };
        for (var bit = 1; bit < 63; bit++)
        {
            edges.AddRange([1L << bit, (1L << bit) - 1, (1L << bit) + 1, -(1L << bit)]);
        }

        return [.. edges.Distinct()];
    }
}
