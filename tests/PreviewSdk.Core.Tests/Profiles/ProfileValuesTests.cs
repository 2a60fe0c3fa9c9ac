using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Tests.Profiles;

/// <summary>The texts of a profile's values: memory (<c>512Mi</c>) and durations (<c>8h</c>).</summary>
[TestClass]
public sealed class ProfileValuesTests
{
    [TestMethod]
    [DataRow("512Mi", 512L * 1024 * 1024)]
    [DataRow("1Gi", 1024L * 1024 * 1024)]
    [DataRow("1.5Gi", 1536L * 1024 * 1024)]
    [DataRow("64Ki", 64L * 1024)]
    [DataRow("2G", 2_000_000_000L)]
    [DataRow("300M", 300_000_000L)]
    [DataRow("1048576", 1048576L)]
    public void MemoryQuantity_ReadsUnits(string text, long bytes)
    {
        Assert.IsTrue(MemoryQuantity.TryParse(text, out var parsed), text);
        Assert.AreEqual(bytes, parsed);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("Mi")]
    [DataRow("512 MB")]
    [DataRow("-1Gi")]
    [DataRow("1gi")]
    [DataRow("lots")]
    public void MemoryQuantity_RefusesWhatIsNoAmount(string text)
    {
        Assert.IsFalse(MemoryQuantity.TryParse(text, out _), text);
    }

    [TestMethod]
    public void MemoryQuantity_FormatsInTheLargestBinaryUnit()
    {
        Assert.AreEqual("512Mi", MemoryQuantity.Format(512L * 1024 * 1024));
        Assert.AreEqual("1.5Gi", MemoryQuantity.Format(1536L * 1024 * 1024));
        Assert.AreEqual("100", MemoryQuantity.Format(100));
    }

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
    [DataRow("")]
    [DataRow("8")]
    [DataRow("h")]
    [DataRow("30m1h")]
    [DataRow("1h1h")]
    [DataRow("8 h")]
    [DataRow("1.5h")]
    [DataRow("9999999999d")]
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
