using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Tests.Profiles;

[TestClass]
public sealed class ResourceLimitsParserTests
{
    [TestMethod]
    [DataRow("0.5", 0.5)]
    [DataRow("2", 2.0)]
    [DataRow("500m", 0.5)]
    [DataRow("10m", 0.01)]
    [DataRow(" 1.25 ", 1.25)]
    [DataRow("1024", 1024.0)]
    public void TryParseCpus_ReadsCpusAndMillicores(string text, double expected)
    {
        Assert.IsTrue(ResourceLimitsParser.TryParseCpus(text, out var cpus));
        Assert.AreEqual(expected, cpus, 1e-9);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("half")]
    [DataRow("0")]
    [DataRow("-1")]
    [DataRow("5m")]
    [DataRow("0.001")]
    [DataRow("1e3")]
    [DataRow("1,5")]
    [DataRow("0.5 cpu")]
    [DataRow(".5")]
    [DataRow("2000")]
    [DataRow("m")]
    public void TryParseCpus_RefusesWhatIsNoCpuLimit(string? text)
    {
        Assert.IsFalse(ResourceLimitsParser.TryParseCpus(text, out _));
    }

    [TestMethod]
    [DataRow("512Mi", 536_870_912L)]
    [DataRow("1Gi", 1_073_741_824L)]
    [DataRow("1.5Gi", 1_610_612_736L)]
    [DataRow("256M", 256_000_000L)]
    [DataRow("2G", 2_000_000_000L)]
    [DataRow("16384Ki", 16_777_216L)]
    [DataRow("1Ti", 1_099_511_627_776L)]
    [DataRow("16777216", 16_777_216L)]
    [DataRow(" 64Mi ", 67_108_864L)]
    public void TryParseMemory_ReadsBinaryAndDecimalUnits(string text, long expected)
    {
        Assert.IsTrue(ResourceLimitsParser.TryParseMemory(text, out var bytes));
        Assert.AreEqual(expected, bytes);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("512")]
    [DataRow("8Mi")]
    [DataRow("512mb")]
    [DataRow("512MiB")]
    [DataRow("512m")]
    [DataRow("Gi")]
    [DataRow("-1Gi")]
    [DataRow("1.5.Gi")]
    [DataRow("2048Ti")]
    [DataRow("1 Gi")]
    public void TryParseMemory_RefusesWhatIsNoMemoryLimit(string? text)
    {
        Assert.IsFalse(ResourceLimitsParser.TryParseMemory(text, out _));
    }

    [TestMethod]
    public void Rules_AreTheFixOfAnInvalidValue()
    {
        var diagnostic = DiagnosticFactory.Create(DiagnosticCodes.InvalidValue, new SourceLocation("preview.yaml", 7, 12),
            "profiles.lightweight.services.shop-api.memory", "512mb", ResourceLimitsParser.MemoryRule);

        Assert.AreEqual(
            "'profiles.lightweight.services.shop-api.memory' has the invalid value '512mb'. Fix: use a size from 16Mi to 1024Ti with its unit, e.g. 512Mi, 1Gi or 1.5Gi (binary: Ki, Mi, Gi, Ti; decimal: k, M, G, T).",
            diagnostic.Message);
        StringAssert.Contains(ResourceLimitsParser.CpuRule, "500m");
    }

    [TestMethod]
    [DataRow(0.5, 536_870_912L, "cpu 0.5, memory 512 MiB")]
    [DataRow(2.0, null, "cpu 2")]
    [DataRow(null, 1_610_612_736L, "memory 1.5 GiB")]
    [DataRow(0.25, 256_000_000L, "cpu 0.25, memory 244.1 MiB")]
    [DataRow(null, null, "no limits")]
    public void Describe_SaysOnlyWhatIsLimited(double? cpus, long? bytes, string expected)
    {
        Assert.AreEqual(expected, new ResourceLimits(cpus, bytes).Describe());
    }
}
