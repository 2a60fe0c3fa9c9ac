using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Tests.Diagnostics;

/// <summary>The sweep's floods: a 10 MB value, 50,000 unknown keys, a tab on line 20.</summary>
[TestClass]
public sealed class BoundedOutputTests
{
    [TestMethod]
    public void A10MegabyteValue_IsEchoedCut_SoTheMessagesStaySmall()
    {
        var huge = new string('x', 10 << 20);

        var result = ManifestReader.Read("preview.yaml", $"app: {huge}\nservices:\n  shop-api:\n    replicas: {huge}\n");

        Assert.IsNotEmpty(result.Diagnostics);
        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.IsLessThan(1_000, diagnostic.ToString().Length, diagnostic.ToString()[..300]);
            StringAssert.Contains(diagnostic.Message, "…(10485760 characters)");
        }
    }

    [TestMethod]
    public void FiftyThousandUnknownKeys_Give50ErrorsAndOneSummaryLine()
    {
        var yaml = "app: shop\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"key{i}: 1\n"));

        var reported = DiagnosticLimiter.Limit(ManifestReader.Read("preview.yaml", yaml).Diagnostics);

        Assert.HasCount(DiagnosticLimiter.MaxPerFile + 1, reported);
        var summary = reported[^1];
        Assert.AreEqual(DiagnosticCodes.DiagnosticsNotShown, summary.Code);
        Assert.IsTrue(summary.IsError);
        Assert.AreEqual("49950 more diagnostics in 'preview.yaml' are not shown: at most 50 are reported per file. Fix: fix the ones shown and build again.", summary.Message);
        Assert.IsLessThan(50_000, reported.Sum(d => d.ToString().Length));
    }

    [TestMethod]
    public void TheLimit_IsPerFile_AndASummaryIsAWarningWhenOnlyWarningsWereLeftOut()
    {
        var diagnostics = Enumerable.Range(0, 60).Select(i => DiagnosticFactory.Create(DiagnosticCodes.RepeatedUsesEntry, DiagnosticSeverity.Warning, new SourceLocation("a.yaml", i + 1, 1), "x", "y"))
            .Concat(Enumerable.Range(0, 3).Select(i => DiagnosticFactory.Create(DiagnosticCodes.UnknownKey, new SourceLocation("b.yaml", i + 1, 1), "k", string.Empty, "a")));

        var reported = DiagnosticLimiter.Limit(diagnostics);

        Assert.HasCount(50 + 3 + 1, reported);
        Assert.AreEqual((DiagnosticCodes.DiagnosticsNotShown, "a.yaml", false), (reported[^1].Code, reported[^1].File, reported[^1].IsError));
        StringAssert.StartsWith(reported[^1].Message, "10 more diagnostics");
    }

    [TestMethod]
    public void Echo_KeepsValuesOnOneLine_AndCutsOnlyLongOnes()
    {
        Assert.AreEqual("shop-api", DiagnosticText.Echo("shop-api"));
        Assert.AreEqual("a\\nb\\tc\\u0000d\\u2028", DiagnosticText.Echo("a\nb\tc\0d\u2028"));
        Assert.AreEqual(new string('y', 120), DiagnosticText.Echo(new string('y', 120)));
        Assert.AreEqual(new string('y', 100) + "…(121 characters)", DiagnosticText.Echo(new string('y', 121)));
        // A surrogate pair is never split.
        var emoji = new string('y', 99) + "😀" + new string('y', 50);
        Assert.AreEqual(new string('y', 99) + "…(151 characters)", DiagnosticText.Echo(emoji));
    }

    [TestMethod]
    public void AnyValue_InAnyMessage_IsOneLineAndBounded()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var value = new string(Enumerable.Range(0, random.Next(0, 2_000)).Select(_ => (char)random.Next(0, 0x3000)).ToArray());

            var diagnostic = DiagnosticFactory.Create(DiagnosticCodes.InvalidValue, new SourceLocation("p.yaml", 1, 1), value, value, value);

            Assert.DoesNotContain('\n', diagnostic.Message);
            Assert.DoesNotContain('\r', diagnostic.Message);
            Assert.IsLessThan(3 * (DiagnosticText.MaxArgumentLength + 30) + 100, diagnostic.Message.Length);
        }
    }

    [TestMethod]
    public void ATabUsedAsIndentation_IsReportedAtTheTab_NotAt1And1()
    {
        var comments = string.Concat(Enumerable.Range(1, 18).Select(i => $"# line {i}\n"));

        var nested = ManifestReader.Read("p.yaml", comments + "services:\n\tshop-api:\n    replicas: 2\n");
        var deeper = ManifestReader.Read("p.yaml", comments + "services:\n  shop-api:\n\t  replicas: 2\n");
        var blank = ManifestReader.Read("p.yaml", "services:\n  shop-api:\n    env:\n      A: 1\n\t\n      B: x\n");

        DiagnosticAssert.Exactly(nested.Diagnostics, "p.yaml", (DiagnosticCodes.InvalidYaml, 20, 1));
        DiagnosticAssert.Exactly(deeper.Diagnostics, "p.yaml", (DiagnosticCodes.InvalidYaml, 21, 1));
        DiagnosticAssert.Exactly(blank.Diagnostics, "p.yaml", (DiagnosticCodes.InvalidYaml, 5, 1));
    }
}
