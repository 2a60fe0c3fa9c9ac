using System.Net;
using System.Text.Json;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Dashboard;
using PreviewSdk.Gateway.Tests.Infrastructure;

namespace PreviewSdk.Gateway.Tests;

/// <summary>
/// The gateway logs in to the dashboard itself (here a stand-in of the dashboard's token login; the real one is in
/// the hosting and end-to-end tests): the visitor needs no second login and never holds the dashboard's cookie.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class DashboardTests
{
    [TestMethod]
    public async Task AnAuthenticatedVisitor_ReachesTheDashboardWithoutItsLogin_AndNeverGetsItsCookie()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        var cookies = new CookieContainer();
        using var browser = gateway.Client(cookies);
        await browser.GetAsync(GatewayAddresses.WithToken(gateway.UrlOf(gateway.Addresses.EnvironmentHost), gateway.Token!));

        using var page = await browser.GetAsync(gateway.UrlOf(gateway.Addresses.DashboardHost, "/structuredlogs"));

        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode, await page.Content.ReadAsStringAsync());
        var seen = JsonSerializer.Deserialize<ReceivedRequest>(await page.Content.ReadAsStringAsync())!;
        Assert.AreEqual("/structuredlogs", seen.RawTarget);
        StringAssert.Contains(seen.Headers["Cookie"], $"{DashboardStandIn.CookieName}={DashboardStandIn.Session}");
        Assert.IsFalse(cookies.GetAllCookies().Any(cookie => cookie.Name.StartsWith(DashboardSession.CookiePrefix, StringComparison.Ordinal)), "The browser got the dashboard's cookie.");
        Assert.AreEqual(1, gateway.Service("dashboard").Received.Count(request => request.RawTarget.StartsWith("/login", StringComparison.Ordinal)), "The gateway logged in once.");

        await browser.GetAsync(gateway.UrlOf(gateway.Addresses.DashboardHost, "/traces"));
        Assert.AreEqual(1, gateway.Service("dashboard").Received.Count(request => request.RawTarget.StartsWith("/login", StringComparison.Ordinal)), "The session is kept.");
    }

    [TestMethod]
    public async Task WhenTheDashboardForgetsTheSession_TheGatewayLogsInAgain_AndTheVisitorLandsWhereHeWasGoing()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        using var client = gateway.Client();
        await SendAsync(client, gateway, "/");
        var previous = DashboardStandIn.Session;
        DashboardStandIn.Session = "session-2";
        try
        {
            using var retry = await SendAsync(client, gateway, "/consolelogs?resource=shop-api");
            Assert.AreEqual(HttpStatusCode.TemporaryRedirect, retry.StatusCode);
            Assert.AreEqual("/consolelogs?resource=shop-api", retry.Headers.Location?.OriginalString);

            using var page = await SendAsync(client, gateway, "/consolelogs?resource=shop-api");
            Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
            Assert.AreEqual(2, gateway.Service("dashboard").Received.Count(request => request.RawTarget.StartsWith("/login", StringComparison.Ordinal)));
        }
        finally
        {
            DashboardStandIn.Session = previous;
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, GatewayUnderTest gateway, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, gateway.UrlOf(gateway.Addresses.DashboardHost, path));
        request.Headers.Add("X-Preview-Token", gateway.Token);
        return client.SendAsync(request);
    }
}
