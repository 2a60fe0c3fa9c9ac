using System.Net;
using System.Text.Json;
using PreviewSdk.Gateway.Tests.Infrastructure;

namespace PreviewSdk.Gateway.Tests;

/// <summary>
/// The token, the shared link and its cookie, the header, the sign-in form: what lets a request through, and that
/// nothing else does. Every refused request is checked against the services' logs.
/// </summary>
[TestClass]
public sealed class AuthenticationTests
{
    private static GatewayUnderTest gateway = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => gateway = await GatewayUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await gateway.DisposeAsync();

    [TestMethod]
    [DataRow("shop-api")]
    [DataRow("shop-web")]
    [DataRow("dashboard")]
    public async Task WithoutToken_EveryServiceAndTheDashboard_Is401Json_AndNothingReachesThem(string service)
    {
        using var client = gateway.Client();
        var before = gateway.ReceivedByAnyService.Count;

        using var response = await client.GetAsync(gateway.UrlOf(gateway.Addresses.ServiceHost(service), "/products?x=1"));

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.AreEqual("token_required", body.RootElement.GetProperty("error").GetString());
        StringAssert.Contains(response.Headers.WwwAuthenticate.ToString(), "PreviewToken");
        Assert.AreEqual(before, gateway.ReceivedByAnyService.Count, "A request without token reached a service.");
    }

    [TestMethod]
    [DataRow("shop-api")]
    [DataRow("shop-web")]
    [DataRow("dashboard")]
    public async Task WithTheTokenHeader_EveryServiceAndTheDashboardAnswer200_AndTheServiceNeverSeesTheToken(string service)
    {
        using var client = gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, gateway.UrlOf(gateway.Addresses.ServiceHost(service), "/products?page=2"));
        request.Headers.Add("X-Preview-Token", gateway.Token);

        using var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var seen = JsonSerializer.Deserialize<ReceivedRequest>(await response.Content.ReadAsStringAsync())!;
        Assert.AreEqual((service, "/products?page=2"), (seen.Service, seen.RawTarget));
        Assert.AreEqual($"{gateway.Addresses.ServiceHost(service)}:{gateway.Gateway.Port}", seen.Host, "The original Host is passed on.");
        Assert.IsFalse(seen.Headers.ContainsKey("X-Preview-Token"), "The token header reached the service.");
        Assert.AreEqual(gateway.Addresses.ServiceHost(service) + ":" + gateway.Gateway.Port, seen.Headers["X-Forwarded-Host"]);
        Assert.AreEqual("http", seen.Headers["X-Forwarded-Proto"]);
    }

    [TestMethod]
    public async Task AWrongTokenHeader_Is401InvalidToken()
    {
        using var client = gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, gateway.UrlOf(gateway.Addresses.ServiceHost("shop-api")));
        request.Headers.Add("X-Preview-Token", gateway.Token + "x");
        var before = gateway.ReceivedByAnyService.Count;

        using var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "invalid_token");
        Assert.AreEqual(before, gateway.ReceivedByAnyService.Count);
    }

    [TestMethod]
    public async Task TheSharedLink_SetsAScopedHttpOnlyLaxCookie_RedirectsWithoutTheToken_AndTheCookieOpensEveryHost()
    {
        var cookies = new CookieContainer();
        using var client = gateway.Client(cookies);
        var shared = Core.Sharing.GatewayAddresses.WithToken(gateway.UrlOf(gateway.Addresses.EnvironmentHost, "/?tab=links"), gateway.Token!);

        using var signIn = await client.GetAsync(shared);

        Assert.AreEqual(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.AreEqual("/?tab=links", signIn.Headers.Location?.OriginalString, "The redirect drops the token and keeps the rest.");
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single();
        StringAssert.Contains(setCookie, "httponly");
        StringAssert.Contains(setCookie, "samesite=lax");
        StringAssert.Contains(setCookie, $"domain={gateway.Addresses.EnvironmentHost}");
        Assert.DoesNotContain("secure", setCookie, "Plain http: a Secure cookie would never come back.");
        Assert.DoesNotContain(gateway.Token!, setCookie, "The cookie holds a keyed hash, not the token.");

        foreach (var host in new[] { gateway.Addresses.EnvironmentHost, gateway.Addresses.ServiceHost("shop-api"), gateway.Addresses.ServiceHost("shop-web"), gateway.Addresses.DashboardHost })
        {
            using var page = await client.GetAsync(gateway.UrlOf(host));
            Assert.IsTrue(page.StatusCode is HttpStatusCode.OK or HttpStatusCode.TemporaryRedirect, $"{host}: {(int)page.StatusCode} {await page.Content.ReadAsStringAsync()}");
        }

        using var api = await client.GetAsync(gateway.UrlOf(gateway.Addresses.ServiceHost("shop-api"), "/cookies"));
        var seen = JsonSerializer.Deserialize<ReceivedRequest>(await api.Content.ReadAsStringAsync())!;
        Assert.IsFalse(seen.Headers.TryGetValue("Cookie", out var cookieHeader) && cookieHeader.Contains("preview_", StringComparison.Ordinal), $"The access cookie reached the service: {cookieHeader}");
    }

    [TestMethod]
    public async Task AWrongTokenInALink_IsRefused_WithTheSignInPageForABrowser()
    {
        using var client = gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, gateway.UrlOf(gateway.Addresses.ServiceHost("shop-web"), "/?preview_token=guess"));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        var before = gateway.ReceivedByAnyService.Count;

        using var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        StringAssert.Contains(html, "<form method=\"post\" action=\"/__preview/sign-in\">");
        StringAssert.Contains(html, "role=\"alert\"");
        StringAssert.Contains(html, "<label for=\"token\">");
        Assert.AreEqual(before, gateway.ReceivedByAnyService.Count);
    }

    [TestMethod]
    public async Task TheSignInForm_TradesTheTokenForTheCookie_AndReturnsOnlyToALocalPath()
    {
        var cookies = new CookieContainer();
        using var client = gateway.Client(cookies);
        var signInUrl = gateway.UrlOf(gateway.Addresses.ServiceHost("shop-web"), "/__preview/sign-in");

        using var wrong = await client.PostAsync(signInUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "nope", ["return"] = "/orders" }));
        Assert.AreEqual(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await client.PostAsync(signInUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = gateway.Token!, ["return"] = "/orders?page=2" }));
        Assert.AreEqual(HttpStatusCode.SeeOther, right.StatusCode);
        Assert.AreEqual("/orders?page=2", right.Headers.Location?.OriginalString);
        using var elsewhere = await client.PostAsync(signInUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = gateway.Token!, ["return"] = "//evil.example/" }));
        Assert.AreEqual("/", elsewhere.Headers.Location?.OriginalString, "An open redirect through the form.");

        using var page = await client.GetAsync(gateway.UrlOf(gateway.Addresses.ServiceHost("shop-web"), "/orders"));
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [TestMethod]
    public async Task EveryResponse_SaysNoindex_AndRobotsTxtDisallowsEverythingOnEveryHost()
    {
        using var client = gateway.Client();
        foreach (var host in new[] { gateway.Addresses.EnvironmentHost, gateway.Addresses.ServiceHost("shop-api"), gateway.Addresses.DashboardHost })
        {
            using var robots = await client.GetAsync(gateway.UrlOf(host, "/robots.txt"));
            Assert.AreEqual(HttpStatusCode.OK, robots.StatusCode, host);
            Assert.AreEqual("User-agent: *\nDisallow: /\n", await robots.Content.ReadAsStringAsync(), host);
            Assert.AreEqual("noindex, nofollow", robots.Headers.GetValues("X-Robots-Tag").Single(), host);
        }

        using var refused = await client.GetAsync(gateway.UrlOf(gateway.Addresses.ServiceHost("shop-api")));
        Assert.AreEqual("noindex, nofollow", refused.Headers.GetValues("X-Robots-Tag").Single());
        using var request = new HttpRequestMessage(HttpMethod.Get, gateway.UrlOf(gateway.Addresses.ServiceHost("shop-api")));
        request.Headers.Add("X-Preview-Token", gateway.Token);
        using var forwarded = await client.SendAsync(request);
        Assert.AreEqual("noindex, nofollow", forwarded.Headers.GetValues("X-Robots-Tag").Single());
    }
}
