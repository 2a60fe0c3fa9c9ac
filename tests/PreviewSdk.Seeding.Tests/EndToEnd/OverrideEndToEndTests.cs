using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>What preview.yaml says to put in a column lands in the database as asked: dataset, constant, weighted values, range.</summary>
[TestClass]
public sealed class OverrideEndToEndTests
{
    private const int Rows = 2000;

    private static SeedTarget target = null!;

    [ClassInitialize]
    public static async Task SeedOnceAsync(TestContext context)
    {
        target = await SeedTarget.CreateAsync("""
            CREATE TABLE members (
                id serial PRIMARY KEY,
                contact text NOT NULL,
                country char(2) NOT NULL,
                referrer text,
                tier varchar(10) NOT NULL,
                score numeric(6, 2) NOT NULL CHECK (score >= 0),
                joined_on date NOT NULL);
            """);
        await target.SeedSuccessfullyAsync(new SeedSettings
        {
            Seed = 5,
            DefaultRows = Rows,
            Columns = new Dictionary<string, ColumnOverride>
            {
                ["members.contact"] = new DatasetOverride("internet.email"),
                ["members.country"] = new ConstantOverride("NL"),
                ["members.referrer"] = new ConstantOverride(null),
                ["members.tier"] = new ValuesOverride([new WeightedValue("gold", 1), new WeightedValue("silver", 3), new WeightedValue("bronze", 6)]),
                ["members.score"] = new RangeOverride("10.5", "20"),
                ["members.joined_on"] = new RangeOverride("2020-01-01", "2020-12-31"),
            },
        });
    }

    [TestMethod]
    public async Task A_dataset_override_fills_the_column_from_Bogus_with_its_e_mails_moved_to_example_domains()
    {
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM members WHERE contact !~ '^[^@\\s]+@example\\.(com|net|org)$'"));
        Assert.IsGreaterThan(Rows / 2, await target.ScalarAsync<long>("SELECT count(DISTINCT contact) FROM members"));
    }

    [TestMethod]
    public async Task A_constant_override_writes_the_same_value_or_NULL_into_every_row()
    {
        Assert.AreEqual("NL", string.Join(",", await target.ListAsync("SELECT DISTINCT country FROM members")));
        Assert.AreEqual((long)Rows, await target.ScalarAsync<long>("SELECT count(*) FROM members WHERE referrer IS NULL"));
    }

    [TestMethod]
    public async Task A_values_override_writes_only_its_values_about_as_often_as_their_weights_say()
    {
        var shares = (await target.RowsAsync("SELECT tier, count(*) FROM members GROUP BY tier"))
            .ToDictionary(row => row[0], row => double.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture) / Rows);

        CollectionAssert.AreEquivalent(new[] { "gold", "silver", "bronze" }, shares.Keys.ToList());
        // Weights 1:3:6 are shares of 0.1, 0.3 and 0.6; 2000 draws stay well within ±0.05 of them.
        Assert.AreEqual(0.1, shares["gold"], 0.05);
        Assert.AreEqual(0.3, shares["silver"], 0.05);
        Assert.AreEqual(0.6, shares["bronze"], 0.05);
    }

    [TestMethod]
    public async Task A_range_override_keeps_numbers_and_dates_within_its_bounds_and_spreads_them()
    {
        var score = await target.RowsAsync("SELECT min(score), max(score), count(DISTINCT score) FROM members");
        var joined = await target.RowsAsync("SELECT min(joined_on)::text, max(joined_on)::text, count(DISTINCT joined_on) FROM members");

        var (minScore, maxScore) = (decimal.Parse(score[0][0], System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(score[0][1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsTrue(minScore is >= 10.5m and < 11m && maxScore is > 19.5m and <= 20m, $"score from {minScore} to {maxScore}");
        Assert.IsGreaterThan(100, int.Parse(score[0][2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsTrue(string.CompareOrdinal(joined[0][0], "2020-01-01") >= 0 && string.CompareOrdinal(joined[0][0], "2020-01-31") < 0, joined[0][0]);
        Assert.IsTrue(string.CompareOrdinal(joined[0][1], "2020-12-31") <= 0 && string.CompareOrdinal(joined[0][1], "2020-12-01") > 0, joined[0][1]);
        Assert.IsGreaterThan(200, int.Parse(joined[0][2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
