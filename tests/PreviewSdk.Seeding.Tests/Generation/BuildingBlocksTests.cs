using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Generation.Values;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>The small pieces uniqueness and constraints rest on: permutations, patterns, distinct text, constants.</summary>
[TestClass]
public sealed class BuildingBlocksTests
{
    [TestMethod]
    [DataRow(1L)]
    [DataRow(2L)]
    [DataRow(7L)]
    [DataRow(1000L)]
    [DataRow(4097L)]
    public void An_index_permutation_is_a_bijection(long size)
    {
        var permutation = new IndexPermutation(42, size);

        var images = Enumerable.Range(0, (int)size).Select(i => permutation.Apply(i)).ToList();

        CollectionAssert.AreEquivalent(Enumerable.Range(0, (int)size).Select(i => (long)i).ToList(), images);
        if (size > 100)
        {
            Assert.IsLessThan(size / 10, images.Where((image, i) => image == i).Count(), "it shuffles");
        }
    }

    [TestMethod]
    [DataRow("^[A-Z]{3}$", 3, 3)]
    [DataRow("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$", 6, null)]
    [DataRow("^ABC.*$", 3, null)]
    [DataRow("\\d{2,4}-x?", 3, 6)]
    public void Simple_patterns_parse_and_generate_matches(string pattern, int minLength, int? maxLength)
    {
        var parsed = SimplePattern.TryParse(pattern);

        Assert.IsNotNull(parsed);
        Assert.AreEqual(minLength, parsed.MinLength);
        Assert.AreEqual(maxLength, parsed.MaxLength);
        for (var row = 0; row < 500; row++)
        {
            var random = new CellRandom(9, row);
            var text = parsed.Generate(ref random, 0, 40);
            Assert.IsTrue(RuleEvaluator.Matches(text, pattern), $"'{text}' does not match {pattern}");
        }

        var (counts, capacity) = parsed.CountsFor(100, 0, 40);
        Assert.IsNotNull(counts);
        Assert.IsGreaterThanOrEqualTo(100, capacity, "enough fixed-length matches for 100 distinct values");
    }

    [TestMethod]
    [DataRow("^(AB|CD)$")]
    [DataRow("^[^0-9]+$")]
    [DataRow("^[[:alpha:]]+$")]
    [DataRow("^a\\1$")]
    [DataRow("^a{2,1}$")]
    public void Patterns_beyond_the_subset_are_refused(string pattern)
    {
        Assert.IsNull(SimplePattern.TryParse(pattern));
    }

    [TestMethod]
    public void Enumerated_pattern_matches_are_distinct_and_match()
    {
        var pattern = SimplePattern.TryParse("^[A-C]{2}[0-9]$")!;
        var (counts, capacity) = pattern.CountsFor(90, 0, 10);

        var all = Enumerable.Range(0, (int)capacity).Select(i => pattern.Enumerate(counts!, i)).ToList();

        Assert.AreEqual(90L, capacity);
        Assert.HasCount(90, all.Distinct().ToList());
        Assert.IsTrue(all.All(text => RuleEvaluator.Matches(text, "^[A-C]{2}[0-9]$")));
    }

    [TestMethod]
    public void Distinct_text_stays_distinct_and_within_its_length_whatever_the_base_text()
    {
        foreach (var (max, bases) in new[] { (40, new[] { "jane.doe@example.com", "x-1", "x", "" }), (6, new[] { "Ergonomic Steel Chair", "a-1", "1" }), (3, new[] { "anything" }) })
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0L; index < 20000; index++)
            {
                var random = new CellRandom(1, index);
                var text = TextFitting.Distinct(bases[index % bases.Length], index, 0, max, 20000, ref random);
                Assert.IsLessThanOrEqualTo(max, text.Length, text);
                Assert.IsTrue(values.Add(text), $"'{text}' repeats (max {max})");
            }
        }
    }

    [TestMethod]
    [DataRow("2020-01-01 00:00:00+02", PgTypeKind.TimestampTz, "2019-12-31T22:00:00.0000000Z")]
    [DataRow("2020-01-01 00:00:00+02", PgTypeKind.Timestamp, "2020-01-01T00:00:00.0000000")]
    [DataRow("2020-01-01", PgTypeKind.Date, "2020-01-01")]
    [DataRow("1 day 02:00:00", PgTypeKind.Interval, "1.02:00:00")]
    [DataRow("3 mons", PgTypeKind.Interval, "90.00:00:00")]
    [DataRow("-00:30:00", PgTypeKind.Interval, "-00:30:00")]
    [DataRow("$1,234.50", PgTypeKind.Money, "1234.50")]
    [DataRow("14:30", PgTypeKind.Time, "14:30:00.0000000")]
    public void Constants_read_the_way_postgresql_prints_them(string text, PgTypeKind kind, string expected)
    {
        var scale = OrdinalScale.For(new PgType(kind.ToString(), kind))!;

        Assert.IsTrue(scale.TryParse(text, out var value, out _));

        var shown = value switch
        {
            DateTime instant => instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly time => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan span => span.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value?.ToString(),
        };
        Assert.AreEqual(expected, shown);
    }

    [TestMethod]
    public void Column_seeds_depend_on_seed_table_and_column_only()
    {
        Assert.AreEqual(StableHash.ForColumn(1, "orders", "total"), StableHash.ForColumn(1, "orders", "total"));
        Assert.AreNotEqual(StableHash.ForColumn(1, "orders", "total"), StableHash.ForColumn(2, "orders", "total"));
        Assert.AreNotEqual(StableHash.ForColumn(1, "orders", "total"), StableHash.ForColumn(1, "order", "stotal"));
        Assert.AreEqual(1786791667102046687UL, StableHash.ForColumn(1, "orders", "total"), "pinned: a change alters every generated value");
    }
}
