using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Observability.Checks;
using PreviewSdk.Observability.Reports;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Observability.Tests.Reports;

/// <summary>The JUnit report's shape, as CI test reporters read it.</summary>
[TestClass]
public sealed class JUnitReportTests
{
    [TestMethod]
    public void Create_CountsFailuresAndErrorsAndKeepsTheCodeAsType()
    {
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var home = CheckEntry.Create("shop-web", "home", "/") with { Name = new("home", new SourceLocation("/r/preview.yaml", 3, 5)) };
        var list = CheckEntry.Create("shop-api", "list", "/products") with { MaxLatency = TimeSpan.FromMilliseconds(100) };
        var down = CheckEntry.Create("shop-api", "down", "/");
        CheckResult[] results =
        [
            new(home, new Uri("http://localhost:1/"), CheckOutcome.Passed, TimeSpan.FromMilliseconds(12), at) { Status = 200 },
            new(list, new Uri("http://localhost:2/products"), CheckOutcome.TooSlow, TimeSpan.FromMilliseconds(250), at) { Status = 200 },
            new(down, new Uri("http://localhost:3/"), CheckOutcome.NoAnswer, TimeSpan.FromMilliseconds(1), at) { Error = "Connection refused" },
        ];

        var document = JUnitReport.Create("shop/main", results, [new("profile", "lightweight")]);

        var root = document.Root!;
        Assert.AreEqual(("testsuites", "3", "1", "1", "0.263"), (root.Name.LocalName, root.Attribute("tests")!.Value, root.Attribute("failures")!.Value, root.Attribute("errors")!.Value, root.Attribute("time")!.Value));
        var suite = root.Element("testsuite")!;
        Assert.AreEqual("2026-12-01T10:00:00", suite.Attribute("timestamp")!.Value);
        Assert.AreEqual("lightweight", suite.Element("properties")!.Element("property")!.Attribute("value")!.Value);
        var cases = suite.Elements("testcase").ToList();
        Assert.AreEqual(("shop-web", "home", "0.012", "/r/preview.yaml", "3"), (cases[0].Attribute("classname")!.Value, cases[0].Attribute("name")!.Value, cases[0].Attribute("time")!.Value, cases[0].Attribute("file")!.Value, cases[0].Attribute("line")!.Value));
        Assert.IsNull(cases[0].Element("failure"));
        var slow = cases[1].Element("failure")!;
        Assert.AreEqual(DiagnosticCodes.CheckTooSlow, slow.Attribute("type")!.Value);
        StringAssert.Contains(slow.Attribute("message")!.Value, "answered in 250 ms, more than its maxLatency of 100 ms");
        Assert.IsNull(cases[1].Attribute("file"), "a check made in code has no place in preview.yaml");
        Assert.AreEqual(DiagnosticCodes.CheckNoAnswer, cases[2].Element("error")!.Attribute("type")!.Value);
    }
}
