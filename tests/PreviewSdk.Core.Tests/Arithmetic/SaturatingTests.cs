using System.Numerics;
using PreviewSdk.Core.Arithmetic;
using PreviewSdk.Core.Tests.Properties;

namespace PreviewSdk.Core.Tests.Arithmetic;

[TestClass]
public sealed class SaturatingTests
{
    private const int Cases = 20_000;

    [TestMethod]
    public void Multiply_IsTheExactProductClampedToZeroAndLongMax_OverTheWholeRange() =>
        Values.Check(Cases, values =>
        {
            var (left, right) = (values.AnyLong(), values.AnyLong());
            var exact = left <= 0 || right <= 0 ? BigInteger.Zero : (BigInteger)left * right;

            Assert.AreEqual(Clamp(exact), Saturating.Multiply(left, right), $"{left} × {right}");
        });

    [TestMethod]
    public void Add_And_Sum_AreTheExactSumOfTheNonNegativeParts_Clamped() =>
        Values.Check(Cases, values =>
        {
            var parts = Enumerable.Range(0, values.Next(6)).Select(_ => values.AnyLong()).ToArray();
            var exact = parts.Aggregate(BigInteger.Zero, (sum, part) => sum + Math.Max(0, part));

            Assert.AreEqual(Clamp(exact), Saturating.Sum(parts), string.Join(" + ", parts));
            if (parts.Length == 2)
            {
                Assert.AreEqual(Clamp(exact), Saturating.Add(parts[0], parts[1]));
            }
        });

    [TestMethod]
    public void RoundToCount_OfAnyDouble_IsAWholeCountInRange_AndExactWhereALongHoldsIt() =>
        Values.Check(Cases, values =>
        {
            var value = values.AnyDouble();
            var count = Saturating.RoundToCount(value);

            Assert.IsGreaterThanOrEqualTo(0L, count, value.ToString("R"));
            if (value is > 0 and < 9e18)
            {
                Assert.AreEqual(Math.Round(value, MidpointRounding.AwayFromZero), count, 1, value.ToString("R"));
            }
            else if (value >= 9.2233720368547758E18)
            {
                Assert.AreEqual(long.MaxValue, count);
            }
        });

    [TestMethod]
    public void Amount_OfAnyDouble_IsFiniteAndNotNegative() =>
        Values.Check(Cases, values =>
        {
            var value = values.AnyDouble();
            var amount = Saturating.Amount(value);

            Assert.IsTrue(double.IsFinite(amount) && amount >= 0, $"{value:R} → {amount:R}");
            if (double.IsFinite(value) && value > 0)
            {
                Assert.AreEqual(value, amount);
            }
        });

    private static long Clamp(BigInteger value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
