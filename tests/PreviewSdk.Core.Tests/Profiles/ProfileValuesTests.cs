using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Tests.Profiles;

/// <summary>The durations of a profile (<c>8h</c>); cpu and memory values are ResourceLimitsParser's (its own tests).</summary>
[TestClass]
public sealed class ProfileValuesTests
{
    [TestMethod]
    [DataRow("8h", 8 * 3600)]
    [DataRow("30m", 30 * 60)]
    [DataRow("2d", 2 * 86400)]
    [DataRow("1h30m", 5400)]
    [DataRow("1d2h3m4s", 86400 + 7200 + 180 + 4)]
    [DataRow("90s", 90)]
    public void DurationText_ReadsUnitsLargestFirst(string text, int seconds)
    {
        Assert.IsTrue(DurationText.TryParse(text, out var duration), text);
        Assert.AreEqual(TimeSpan.FromSeconds(seconds), duration);
        Assert.AreEqual(duration, DurationText.TryParse(DurationText.Format(duration), out var again) ? again : TimeSpan.MinValue, "Format reads back");
    }

    [TestMethod]
    [DataRow("500ms", 500)]
    [DataRow("1s250ms", 1250)]
    [DataRow("2m", 120_000)]
    public void DurationText_ReadsMilliseconds(string text, int milliseconds)
    {
        Assert.IsTrue(DurationText.TryParse(text, out var duration), text);
        Assert.AreEqual(TimeSpan.FromMilliseconds(milliseconds), duration);
        Assert.AreEqual(duration, DurationText.TryParse(DurationText.Format(duration), out var again) ? again : TimeSpan.MinValue, "Format reads back");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("8")]
    [DataRow("h")]
    [DataRow("30m1h")]
    [DataRow("1h1h")]
    [DataRow("8 h")]
    [DataRow("1.5h")]
    [DataRow("9999999999d")]
    [DataRow("500ms1s")]
    [DataRow("5mss")]
    public void DurationText_RefusesWhatIsNoDuration(string text)
    {
        Assert.IsFalse(DurationText.TryParse(text, out _), text);
    }

    [TestMethod]
    public void DurationText_FormatsInTheSameForm()
    {
        Assert.AreEqual("8h", DurationText.Format(TimeSpan.FromHours(8)));
        Assert.AreEqual("1d1h30m", DurationText.Format(TimeSpan.FromMinutes(1530)));
        Assert.AreEqual("0s", DurationText.Format(TimeSpan.Zero));
    }
}
