using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Observability.Checks;
using PreviewSdk.Observability.Tests.Infrastructure;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Observability.Tests.Checks;

/// <summary>A check run against a real HTTP server on the loopback: each expectation, and each way to fail it.</summary>
[TestClass]
public sealed class CheckRunnerTests
{
    private static readonly SourceLocation Place = new("/repo/preview.yaml", 12, 5);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Run_SendsMethodPathHeadersAndBody_AndPassesOnTheExpectedAnswer()
    {
        using var server = new LoopbackServer(_ => new Answer(201, "{\"id\": 7}"));
        using var client = CheckRunner.CreateClient();
        var check = CheckEntry.Create("shop-api", "create-order", "/orders?notify=false") with
        {
            Method = "POST",
            Headers = [new("Content-Type", "application/json"), new("X-Trace", "on")],
            Body = "{\"customerId\": 1}",
            ExpectedStatus = 201,
            BodyContains = "\"id\"",
            MaxLatency = TimeSpan.FromSeconds(10),
            Name = new("create-order", Place),
        };

        var result = await CheckRunner.RunAsync(client, server.Url, check, TestContext.CancellationToken);

        Assert.IsTrue(result.Passed, result.Describe());
        Assert.AreEqual(201, result.Status);
        Assert.IsNull(result.ToDiagnostic());
        var request = server.Requests.Single();
        Assert.AreEqual(("POST", "/orders?notify=false", "{\"customerId\": 1}"), (request.Method, request.PathAndQuery, request.Body));
        Assert.AreEqual("application/json", request.Headers["Content-Type"]);
        Assert.AreEqual("on", request.Headers["X-Trace"]);
        StringAssert.StartsWith(result.Describe(), $"POST {server.Url}orders?notify=false: 201 Created in ");
    }

    [TestMethod]
    public async Task Run_AnotherStatus_IsPreview6001NamingCheckUrlExpectedAndGot()
    {
        using var server = new LoopbackServer(_ => new Answer(500, "boom"));
        using var client = CheckRunner.CreateClient();

        var result = await CheckRunner.RunAsync(client, server.Url, CheckEntry.Create("shop-web", "home", "/") with { Name = new("home", Place) }, TestContext.CancellationToken);

        Assert.AreEqual(CheckOutcome.WrongStatus, result.Outcome);
        var diagnostic = result.ToDiagnostic()!;
        Assert.AreEqual((DiagnosticCodes.CheckWrongStatus, Place.File, 12, 5), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
        StringAssert.StartsWith(diagnostic.Message, $"Check 'shop-web/home' failed: GET {server.Url} answered 500 InternalServerError, expected 200 OK.");
    }

    [TestMethod]
    public async Task Run_BodyWithoutTheText_IsPreview6002QuotingTheBody()
    {
        using var server = new LoopbackServer(_ => new Answer(200, "<html>\n  <h1>Maintenance</h1>\n</html>"));
        using var client = CheckRunner.CreateClient();

        var result = await CheckRunner.RunAsync(client, server.Url, CheckEntry.Create("shop-web", "home", "/") with { BodyContains = "Products" }, TestContext.CancellationToken);

        Assert.AreEqual(CheckOutcome.BodyMismatch, result.Outcome);
        var diagnostic = result.ToDiagnostic()!;
        Assert.AreEqual(DiagnosticCodes.CheckBodyMismatch, diagnostic.Code);
        StringAssert.Contains(diagnostic.Message, "does not contain 'Products'; it starts with '<html> <h1>Maintenance</h1> </html>'.");
    }

    [TestMethod]
    public async Task Run_SlowerThanMaxLatency_IsPreview6003_WithoutWaitingForTheWholeAnswer()
    {
        using var server = new LoopbackServer(_ => new Answer(200, "late", TimeSpan.FromSeconds(20)));
        using var client = CheckRunner.CreateClient();
        var started = DateTime.UtcNow;

        var result = await CheckRunner.RunAsync(client, server.Url, CheckEntry.Create("shop-api", "list", "/") with { MaxLatency = TimeSpan.FromMilliseconds(300) }, TestContext.CancellationToken);

        Assert.AreEqual(CheckOutcome.TooSlow, result.Outcome);
        Assert.IsLessThan(TimeSpan.FromSeconds(10), DateTime.UtcNow - started, "it stops waiting soon after maxLatency");
        StringAssert.Contains(result.ToDiagnostic()!.Message, "more than its maxLatency of 300 ms");
    }

    [TestMethod]
    public async Task Run_NothingListening_IsPreview6004WithTheReason()
    {
        using var client = CheckRunner.CreateClient();
        var closed = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}/");

        var result = await CheckRunner.RunAsync(client, closed, CheckEntry.Create("shop-api", "list", "/products"), TestContext.CancellationToken);

        Assert.AreEqual(CheckOutcome.NoAnswer, result.Outcome);
        Assert.IsNull(result.Status);
        var diagnostic = result.ToDiagnostic()!;
        Assert.AreEqual(DiagnosticCodes.CheckNoAnswer, diagnostic.Code);
        StringAssert.Contains(diagnostic.Message, $"GET {closed}products gave no answer (Connection refused)");
    }

    [TestMethod]
    public async Task Run_ARedirect_IsJudgedAsItIs()
    {
        using var server = new LoopbackServer(_ => new Answer(302));
        using var client = CheckRunner.CreateClient();

        var result = await CheckRunner.RunAsync(client, server.Url, CheckEntry.Create("shop-web", "old", "/old") with { ExpectedStatus = 302 }, TestContext.CancellationToken);

        Assert.IsTrue(result.Passed, result.Describe());
        Assert.HasCount(1, server.Requests, "the redirect was not followed");
    }

    [TestMethod]
    public async Task Run_AServiceThatSpeaksHttp2Only_IsCalledOverHttp2WhenItsLinkSaysSo()
    {
        // A gRPC service's port without TLS: HTTP/1.1 gets no answer, so a check has to use HTTP/2 prior knowledge.
        await using var server = await Http2OnlyServer.StartAsync();
        using var client = CheckRunner.CreateClient();
        var check = CheckEntry.Create("basket", "alive", "/") with { BodyContains = "served over HTTP/2", MaxLatency = TimeSpan.FromSeconds(20), Name = new("alive", Place) };

        var overHttp2 = await CheckRunner.RunAsync(client, server.Url, check, TestContext.CancellationToken, http2Only: true);
        var overHttp1 = await CheckRunner.RunAsync(client, server.Url, check, TestContext.CancellationToken);

        Assert.IsTrue(overHttp2.Passed, overHttp2.Describe());
        Assert.IsFalse(overHttp1.Passed, "HTTP/1.1 to an HTTP/2-only port gets no answer: " + overHttp1.Describe());
    }
}

