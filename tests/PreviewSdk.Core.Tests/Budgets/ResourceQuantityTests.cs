using PreviewSdk.Core.Budgets;

namespace PreviewSdk.Core.Tests.Budgets;

[TestClass]
public sealed class ResourceQuantityTests
{
    [TestMethod]
    [DataRow("4", 4.0)]
    [DataRow("0.5", 0.5)]
    [DataRow(" 1.25 ", 1.25)]
    [DataRow("500m", 0.5)]
    [DataRow("1500m", 1.5)]
    public void TryParseCpus_Accepts(string text, double expected)
    {
        Assert.IsTrue(ResourceQuantity.TryParseCpus(text, out var cpus));
        Assert.AreEqual(expected, cpus, 1e-9);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("0")]
    [DataRow("-1")]
    [DataRow("two")]
    [DataRow("4 cpus")]
    [DataRow("1e3")]
    [DataRow("5000")]
    [DataRow("m")]
    public void TryParseCpus_Refuses(string text)
    {
        Assert.IsFalse(ResourceQuantity.TryParseCpus(text, out var cpus));
        Assert.AreEqual(0, cpus);
    }

    [TestMethod]
    [DataRow("8Gi", 8L << 30)]
    [DataRow("512Mi", 512L << 20)]
    [DataRow("1.5Gi", 3L << 29)]
    [DataRow("2G", 2_000_000_000L)]
    [DataRow("1024Ki", 1L << 20)]
    [DataRow("1Ti", 1L << 40)]
    [DataRow("1048576", 1L << 20)]
    public void TryParseMemory_Accepts(string text, long expected)
    {
        Assert.IsTrue(ResourceQuantity.TryParseMemory(text, out var bytes));
        Assert.AreEqual(expected, bytes);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("8")]
    [DataRow("512Ki")]
    [DataRow("8GB")]
    [DataRow("8 Gi")]
    [DataRow("-1Gi")]
    [DataRow("lots")]
    [DataRow("2048Ti")]
    public void TryParseMemory_Refuses(string text)
    {
        Assert.IsFalse(ResourceQuantity.TryParseMemory(text, out var bytes));
        Assert.AreEqual(0, bytes);
    }

    [TestMethod]
    public void Format_UsesTheUnitsABudgetIsWrittenIn()
    {
        Assert.AreEqual("1.5", ResourceQuantity.FormatCpus(1.5));
        Assert.AreEqual("0.33", ResourceQuantity.FormatCpus(1 / 3.0));
        Assert.AreEqual("8Gi", ResourceQuantity.FormatMemory(8L << 30));
        Assert.AreEqual("1.5Gi", ResourceQuantity.FormatMemory(3L << 29));
        Assert.AreEqual("512Mi", ResourceQuantity.FormatMemory(512L << 20));
    }
}
