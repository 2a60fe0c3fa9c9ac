using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Manifest;

/// <summary>preview.yaml's <c>checks:</c>: every key read with its place, and every bad value a coded error where it is.</summary>
[TestClass]
public sealed class ChecksManifestTests
{
    private const string File = "/repo/preview/preview.yaml";

    [TestMethod]
    public void Read_EveryKeyAndTheShortForm()
    {
        var result = ManifestReader.Read(File, """
            checks:
              shop-web:
                home: /
              shop-api:
                create-order:
                  method: post
                  path: /orders?notify=false
                  headers: { Content-Type: application/json, X-Trace: "on" }
                  body: '{"customerId": 1}'
                  status: 201
                  contains: '"id"'
                  maxLatency: 500ms
                  interval: 30s
            """);

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        var checks = result.Manifest!.Checks;
        Assert.HasCount(2, checks);
        var home = checks[0];
        Assert.AreEqual("shop-web/home", home.FullName);
        Assert.AreEqual(new Located<string>("/", new SourceLocation(File, 3, 11)), home.Path);
        Assert.AreEqual(new SourceLocation(File, 3, 5), home.Name.Location);
        Assert.AreEqual(("GET", 200, (string?)null, (TimeSpan?)null, TimeSpan.FromSeconds(60)), (home.Method, home.ExpectedStatus, home.BodyContains, home.MaxLatency, home.Interval));

        var order = checks[1];
        Assert.AreEqual("POST", order.Method, "methods are upper-cased");
        Assert.AreEqual("/orders?notify=false", order.Path.Value);
        CollectionAssert.AreEqual(
            new[] { new KeyValuePair<string, string>("Content-Type", "application/json"), new("X-Trace", "on") },
            order.Headers.ToArray());
        Assert.AreEqual("{\"customerId\": 1}", order.Body);
        Assert.AreEqual((201, "\"id\"", TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30)), (order.ExpectedStatus, order.BodyContains, order.MaxLatency, order.Interval));
    }

    [TestMethod]
    public void Read_BadValues_AreCodedErrorsAtTheirPlace()
    {
        var result = ManifestReader.Read(File, """
            checks:
              shop-api:
                no-slash: products
                bad:
                  method: FETCH
                  path: /ok
                  status: 700
                  maxLatency: fast
                  interval: 2s
                  headers: { "Bad Header": x, Host: example.org }
                Home: /
                no-path: { status: 200 }
                spaced: "/a b"
            """);

        DiagnosticAssert.Exactly(result.Diagnostics, File,
            (DiagnosticCodes.CheckPathInvalid, 3, 15),
            (DiagnosticCodes.CheckMethodInvalid, 5, 15),
            (DiagnosticCodes.CheckStatusInvalid, 7, 15),
            (DiagnosticCodes.CheckLatencyInvalid, 8, 19),
            (DiagnosticCodes.CheckIntervalInvalid, 9, 17),
            (DiagnosticCodes.CheckHeaderInvalid, 10, 18),
            (DiagnosticCodes.CheckHeaderInvalid, 10, 35),
            (DiagnosticCodes.InvalidValue, 11, 5),
            (DiagnosticCodes.MissingRequiredKey, 12, 5),
            (DiagnosticCodes.CheckPathInvalid, 13, 13));
        Assert.AreEqual(
            "'checks.shop-api.no-slash' is 'products', which is not a request path. Fix: write a path that starts with '/' and has no spaces, e.g. /products?page=1.",
            result.Diagnostics[0].Message);
        StringAssert.Contains(result.Diagnostics[2].Message, "is 700, which is not an HTTP status. Fix: write a status from 100 to 599");
        StringAssert.Contains(result.Diagnostics[4].Message, "'checks.shop-api.bad.interval' is '2s', which is not an interval from 5s to 1d.");
        Assert.IsEmpty(result.Manifest!.Checks, "a broken check is left out");
    }

    [TestMethod]
    public void Read_WrongShapes_AreReportedAsWrongTypes()
    {
        var result = ManifestReader.Read(File, """
            checks:
              shop-api:
                list: [a, b]
                status-word: { path: /, status: ok }
            """);

        DiagnosticAssert.Exactly(result.Diagnostics, File,
            (DiagnosticCodes.WrongType, 3, 11),
            (DiagnosticCodes.WrongType, 4, 37));
    }
}
