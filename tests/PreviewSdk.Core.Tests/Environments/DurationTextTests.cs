using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
public sealed class DurationTextTests
{
    [TestMethod]
    [DataRow("30m", 30 * 60)]
    [DataRow("2h", 2 * 3600)]
    [DataRow("1h30m", 90 * 60)]
    [DataRow("2d", 2 * 86400)]
    [DataRow("10s", 10)]
    [DataRow(" 1d2h3m4s ", 86400 + 2 * 3600 + 3 * 60 + 4)]
    [DataRow("8H", 8 * 3600)]
    [DataRow("366d", 366 * 86400)]
    public void TryParse_Accepts(string text, int seconds)
    {
        Assert.IsTrue(DurationText.TryParse(text, out var duration));
        Assert.AreEqual(TimeSpan.FromSeconds(seconds), duration);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("10")]
    [DataRow("0s")]
    [DataRow("h")]
    [DataRow("1.5h")]
    [DataRow("30m2h")]
    [DataRow("1h1h")]
    [DataRow("2w")]
    [DataRow("-1h")]
    [DataRow("1 h")]
    [DataRow("367d")]
    [DataRow("9999999s")]
    public void TryParse_Refuses(string? text)
    {
        Assert.IsFalse(DurationText.TryParse(text, out var duration));
        Assert.AreEqual(TimeSpan.Zero, duration);
    }

    [TestMethod]
    public void Format_IsShort()
    {
        Assert.AreEqual("45s", DurationText.Format(TimeSpan.FromSeconds(45)));
        Assert.AreEqual("3h05m", DurationText.Format(TimeSpan.FromMinutes(185)));
        Assert.AreEqual("2d04h", DurationText.Format(TimeSpan.FromHours(52)));
        Assert.AreEqual("0s", DurationText.Format(TimeSpan.FromSeconds(-3)));
    }
}
