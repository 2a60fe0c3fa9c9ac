using System.Net;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Tests.Infrastructure;

namespace PreviewSdk.Gateway.Tests;

/// <summary>A new token in the file takes effect at once: the old token and every cookie it got are refused.</summary>
[TestClass]
public sealed class RotationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [TestMethod]
    public async Task ANewToken_RefusesTheOldTokenAndTheOldCookie_AndTheNewOneWorks()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        var cookies = new CookieContainer();
        using var browser = gateway.Client(cookies);
        using var signIn = await browser.GetAsync(GatewayAddresses.WithToken(gateway.UrlOf(gateway.Addresses.EnvironmentHost), gateway.Token!));
        Assert.AreEqual(HttpStatusCode.SeeOther, signIn.StatusCode);
        var api = gateway.UrlOf(gateway.Addresses.ServiceHost("shop-api"));
        Assert.AreEqual(HttpStatusCode.OK, (await browser.GetAsync(api)).StatusCode);
        var oldToken = gateway.Token!;

        var newToken = gateway.Rotate();

        await Until(async () => await StatusWithTokenAsync(gateway, api, oldToken) == HttpStatusCode.Unauthorized, "the old token is refused");
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await browser.GetAsync(api)).StatusCode, "The old cookie still opens the service.");
        Assert.AreEqual(HttpStatusCode.OK, await StatusWithTokenAsync(gateway, api, newToken));
        var before = gateway.Service("shop-api").Received.Count;
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await browser.GetAsync(api)).StatusCode);
        Assert.AreEqual(before, gateway.Service("shop-api").Received.Count, "A refused request reached the service.");
    }

    [TestMethod]
    public async Task WithoutATokenFile_EveryRequestIsRefused()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        var api = gateway.UrlOf(gateway.Addresses.ServiceHost("shop-api"));
        var token = gateway.Token!;

        AccessTokenFile.Delete(gateway.StateDirectory);

        await Until(async () => await StatusWithTokenAsync(gateway, api, token) == HttpStatusCode.Unauthorized, "a deleted token is refused");
        Assert.IsFalse(gateway.Gateway.Tokens!.HasToken);
        // A request of the wait above may have passed before the gateway saw the file go; none after it does.
        var before = gateway.Service("shop-api").Received.Count;
        Assert.AreEqual(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(gateway, api, token));
        Assert.AreEqual(before, gateway.Service("shop-api").Received.Count, "A refused request reached the service.");
    }

    private static async Task<HttpStatusCode> StatusWithTokenAsync(GatewayUnderTest gateway, string url, string token)
    {
        using var client = gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Preview-Token", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, $"Not within {Patience.TotalSeconds} s: {what}.");
            await Task.Delay(50);
        }
    }
}
