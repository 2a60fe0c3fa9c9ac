using System.Xml.Linq;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Observability.Checks;
using PreviewSdk.Observability.Reports;
using PreviewSdk.Observability.Tests.Infrastructure;

namespace PreviewSdk.Observability.Tests.Checks;

/// <summary>
/// <c>-t:PreviewTest</c>'s core against a running environment whose service is a real local server: one coded error
/// per failing check at its line, a JUnit report beside links.json that says the same.
/// </summary>
[TestClass]
public sealed class PreviewTestRunTests
{
    private const string ProjectPath = "/repo/preview/Shop.Preview.csproj";
    private const string ManifestPath = "/repo/preview/preview.yaml";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Run_ReportsEachFailingCheckAndWritesTheJUnitReport()
    {
        using var api = new LoopbackServer(request => request.PathAndQuery == "/broken" ? new Answer(500, "boom") : new Answer(200, "products: 40"));
        using var environment = new RunningEnvironment(ProjectPath, [new ServiceLink("shop-api", api.Url.ToString().TrimEnd('/'))]);
        var manifest = Manifest("""
            checks:
              shop-api:
                products: { path: /products, contains: "products:" }
                broken: /broken
              shop-web:
                home: /
            """);
        var reporter = new RecordingReporter();

        var report = await new PreviewTestRun(reporter).RunAsync(new PreviewTestRun.Request(environment.StateRoot, ProjectPath, "obs", manifest), TestContext.CancellationToken);

        Assert.AreEqual(Path.Combine(environment.Folder, "checks.junit.xml"), report);
        var errors = reporter.Diagnostics.OrderBy(d => d.Line).ToList();
        CollectionAssert.AreEqual(
            new[] { (DiagnosticCodes.CheckWrongStatus, 4), (DiagnosticCodes.CheckNoAnswer, 6) },
            errors.Select(d => (d.Code, d.Line)).ToArray(),
            string.Join('\n', errors));
        StringAssert.Contains(errors[0].Message, $"Check 'shop-api/broken' failed: GET {api.Url}broken answered 500 InternalServerError, expected 200 OK.");
        StringAssert.Contains(errors[1].Message, "no HTTP link for 'shop-web'");
        Assert.IsTrue(reporter.Lines.Any(line => line.Contains("passed  shop-api/products", StringComparison.Ordinal)), string.Join('\n', reporter.Lines));
        Assert.IsTrue(reporter.Lines.Any(line => line.StartsWith("Checks of preview 'obs': 1 passed, 2 failed. JUnit report: ", StringComparison.Ordinal)));

        var junit = XDocument.Load(report!);
        var suite = junit.Root!.Element("testsuite")!;
        Assert.AreEqual(("shop/obs", "3", "1", "1"), ((string)suite.Attribute("name")!, (string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("errors")!));
        var cases = suite.Elements("testcase").ToDictionary(c => $"{c.Attribute("classname")!.Value}/{c.Attribute("name")!.Value}");
        Assert.IsNull(cases["shop-api/products"].Element("failure"));
        Assert.AreEqual(DiagnosticCodes.CheckWrongStatus, cases["shop-api/broken"].Element("failure")!.Attribute("type")!.Value);
        Assert.AreEqual(DiagnosticCodes.CheckNoAnswer, cases["shop-web/home"].Element("error")!.Attribute("type")!.Value);
        Assert.AreEqual(("/repo/preview/preview.yaml", "4"), (cases["shop-api/broken"].Attribute("file")!.Value, cases["shop-api/broken"].Attribute("line")!.Value));
    }

    [TestMethod]
    public async Task Run_NoEnvironment_IsPreview6010AndWritesNoReport()
    {
        var root = Directory.CreateTempSubdirectory("previewsdk-observability-empty-").FullName;
        try
        {
            var reporter = new RecordingReporter();

            var report = await new PreviewTestRun(reporter).RunAsync(new PreviewTestRun.Request(root, ProjectPath, "obs", Manifest("checks: { shop-api: { home: / } }")), TestContext.CancellationToken);

            Assert.IsNull(report);
            var diagnostic = reporter.Diagnostics.Single();
            Assert.AreEqual(DiagnosticCodes.TestEnvironmentNotRunning, diagnostic.Code);
            StringAssert.StartsWith(diagnostic.Message, "Preview 'obs' of Shop.Preview.csproj is not up");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public async Task Run_NoChecks_WarnsAndWritesAnEmptyReport()
    {
        using var environment = new RunningEnvironment(ProjectPath, []);
        var reporter = new RecordingReporter();

        var report = await new PreviewTestRun(reporter).RunAsync(new PreviewTestRun.Request(environment.StateRoot, ProjectPath, "obs", Manifest("app: shop")), TestContext.CancellationToken);

        var warning = reporter.Diagnostics.Single();
        Assert.AreEqual((DiagnosticCodes.NoChecks, false), (warning.Code, warning.IsError));
        Assert.AreEqual("0", XDocument.Load(report!).Root!.Attribute("tests")!.Value);
    }

    private static PreviewManifest Manifest(string yaml)
    {
        var result = ManifestReader.Read(ManifestPath, yaml);
        Assert.IsFalse(result.Diagnostics.Any(d => d.IsError), string.Join('\n', result.Diagnostics));
        return result.Manifest!;
    }
}
