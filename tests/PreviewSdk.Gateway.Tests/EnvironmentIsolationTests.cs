using System.Net;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Tests.Infrastructure;

namespace PreviewSdk.Gateway.Tests;

/// <summary>Two environments' gateways at once: neither's token nor cookie opens the other.</summary>
[TestClass]
public sealed class EnvironmentIsolationTests
{
    [TestMethod]
    public async Task OneEnvironmentsTokenAndCookie_OpenNothingOfAnother_RunningAtTheSameTime()
    {
        await using var main = await GatewayUnderTest.StartAsync("main");
        await using var feature = await GatewayUnderTest.StartAsync("feature-x");

        using var request = new HttpRequestMessage(HttpMethod.Get, feature.UrlOf(feature.Addresses.ServiceHost("shop-api")));
        request.Headers.Add("X-Preview-Token", main.Token);
        using var client = feature.Client();
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode, "main's token opened feature-x.");

        // main's cookie, replayed on feature-x's host names (as a browser would if both shared a domain and name).
        var cookies = new CookieContainer();
        using var mainBrowser = main.Client(cookies);
        using var signIn = await mainBrowser.GetAsync(GatewayAddresses.WithToken(main.UrlOf(main.Addresses.EnvironmentHost), main.Token!));
        var mainCookie = cookies.GetAllCookies().Single(cookie => cookie.Name.StartsWith("preview_", StringComparison.Ordinal));
        using var replay = new HttpRequestMessage(HttpMethod.Get, feature.UrlOf(feature.Addresses.ServiceHost("shop-api")));
        replay.Headers.Add("Cookie", $"{mainCookie.Name}={mainCookie.Value}");
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await client.SendAsync(replay)).StatusCode, "main's cookie opened feature-x.");

        // And main's gateway knows nothing of feature-x's hosts.
        using var crossHost = new HttpRequestMessage(HttpMethod.Get, main.UrlOf(feature.Addresses.ServiceHost("shop-api")));
        crossHost.Headers.Add("X-Preview-Token", main.Token);
        Assert.AreEqual(HttpStatusCode.NotFound, (await mainBrowser.SendAsync(crossHost)).StatusCode);

        Assert.IsEmpty(feature.ReceivedByAnyService, string.Join('\n', feature.ReceivedByAnyService));
        Assert.AreNotEqual(main.Token, feature.Token);
    }

    [TestMethod]
    public async Task WithoutAuthentication_EveryServiceOpensWithoutToken_ButUnknownHostsStill404()
    {
        await using var open = await GatewayUnderTest.StartAsync("open", new GatewaySettings { Auth = GatewayAuth.None });
        using var client = open.Client();

        Assert.IsNull(open.Token);
        Assert.IsFalse(File.Exists(AccessTokenFile.PathIn(open.StateDirectory)));
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync(open.UrlOf(open.Addresses.ServiceHost("shop-api")))).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync(open.UrlOf(open.Addresses.EnvironmentHost))).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync(open.UrlOf("shop-admin." + open.Addresses.EnvironmentHost))).StatusCode);
        Assert.AreEqual("noindex, nofollow", (await client.GetAsync(open.UrlOf(open.Addresses.ServiceHost("shop-web")))).Headers.GetValues("X-Robots-Tag").Single());
    }

    [TestMethod]
    public async Task BehindAnHttpsPublicUrl_LinksUseIt_AndTheCookieIsSecure()
    {
        var settings = new GatewaySettings { PublicUrl = new Uri("https://preview.example.com"), Domain = "preview.example.com" };
        await using var gateway = await GatewayUnderTest.StartAsync("pr-7", settings);
        using var client = gateway.Client();

        Assert.AreEqual("https://pr-7.preview.example.com/", gateway.Addresses.DirectoryUrl);
        using var signIn = await client.GetAsync($"http://pr-7.preview.example.com:{gateway.Gateway.Port}/?preview_token={gateway.Token}");
        Assert.AreEqual(HttpStatusCode.SeeOther, signIn.StatusCode);
        StringAssert.Contains(signIn.Headers.GetValues("Set-Cookie").Single(), "secure");
        StringAssert.Contains(signIn.Headers.GetValues("Set-Cookie").Single(), "domain=pr-7.preview.example.com");
    }
}
