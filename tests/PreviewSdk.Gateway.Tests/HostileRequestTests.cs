using System.Net;
using PreviewSdk.Gateway.Tests.Infrastructure;

namespace PreviewSdk.Gateway.Tests;

/// <summary>
/// Requests built to slip past the gateway: unknown hosts, other environments, absolute-form targets, path tricks,
/// oversized headers. Each is refused, and the services' logs prove none of them reached a service.
/// </summary>
[TestClass]
public sealed class HostileRequestTests
{
    private static GatewayUnderTest gateway = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => gateway = await GatewayUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await gateway.DisposeAsync();

    [TestMethod]
    [DataRow("shop-admin.main.localhost", DisplayName = "an unknown service")]
    [DataRow("shop-api.other.localhost", DisplayName = "another environment")]
    [DataRow("other.localhost", DisplayName = "another environment's directory")]
    [DataRow("shop-api.main.localhost.evil.example", DisplayName = "a suffix")]
    [DataRow("evil-shop-api.main.localhost", DisplayName = "a prefix")]
    [DataRow("127.0.0.1", DisplayName = "an address")]
    [DataRow("[::1]", DisplayName = "an IPv6 address")]
    public async Task AnUnknownHost_Is404_EvenWithTheToken_AndReachesNoService(string host)
    {
        var status = await RawRequest.SendAsync(gateway, $"GET / HTTP/1.1\nHost: {host}\nX-Preview-Token: {gateway.Token}\nConnection: close\n\n");

        Assert.AreEqual(404, status);
        Assert.IsEmpty(gateway.ReceivedByAnyService, string.Join('\n', gateway.ReceivedByAnyService));
    }

    [TestMethod]
    public async Task AnAbsoluteFormTarget_IsRefused_WithOrWithoutToken()
    {
        var host = gateway.Addresses.ServiceHost("shop-api");
        var withoutToken = await RawRequest.SendAsync(gateway, $"GET http://{host}/products HTTP/1.1\nHost: {host}\nConnection: close\n\n");
        var elsewhere = await RawRequest.SendAsync(gateway, $"GET http://evil.example/ HTTP/1.1\nHost: {host}\nX-Preview-Token: {gateway.Token}\nConnection: close\n\n");
        var withToken = await RawRequest.SendAsync(gateway, $"GET http://{host}/products HTTP/1.1\nHost: {host}\nX-Preview-Token: {gateway.Token}\nConnection: close\n\n");

        Assert.AreEqual((400, 400, 400), (withoutToken, elsewhere, withToken));
        Assert.IsEmpty(gateway.ReceivedByAnyService, string.Join('\n', gateway.ReceivedByAnyService));
    }

    [TestMethod]
    [DataRow("/..%2f..%2fetc/passwd")]
    [DataRow("/%2e%2e/%2e%2e/robots.txt/../admin")]
    [DataRow("/robots.txt/..%2fadmin")]
    [DataRow("/__preview/..%2f..%2fadmin")]
    [DataRow("/a%2fb%5c..%5cadmin")]
    [DataRow("//evil.example/")]
    public async Task PathTricks_WithoutToken_Are401_AndReachNoService(string path)
    {
        var status = await RawRequest.SendAsync(gateway, $"GET {path} HTTP/1.1\nHost: {gateway.Addresses.ServiceHost("shop-api")}\nConnection: close\n\n");

        Assert.IsTrue(status is 400 or 401, $"{path}: {status}");
        Assert.IsEmpty(gateway.ReceivedByAnyService, string.Join('\n', gateway.ReceivedByAnyService));
    }

    [TestMethod]
    public async Task OversizedHeaders_AreRefusedBeforeAnything_AndReachNoService()
    {
        var host = gateway.Addresses.ServiceHost("shop-api");
        var hugeHeader = await RawRequest.SendAsync(gateway, $"GET / HTTP/1.1\nHost: {host}\nX-Preview-Token: {gateway.Token}\nX-Padding: {new string('a', 64 * 1024)}\nConnection: close\n\n");
        var hugeToken = await RawRequest.SendAsync(gateway, $"GET / HTTP/1.1\nHost: {host}\nX-Preview-Token: {new string('t', 40 * 1024)}\nConnection: close\n\n");
        var manyHeaders = await RawRequest.SendAsync(gateway, $"GET / HTTP/1.1\nHost: {host}\nX-Preview-Token: {gateway.Token}\n{string.Concat(Enumerable.Range(0, 200).Select(index => $"X-H{index}: {new string('b', 200)}\n"))}Connection: close\n\n");
        var hugeTarget = await RawRequest.SendAsync(gateway, $"GET /{new string('p', 16 * 1024)} HTTP/1.1\nHost: {host}\nX-Preview-Token: {gateway.Token}\nConnection: close\n\n");

        Assert.IsTrue(hugeHeader is 431 or 0, $"64 KiB header: {hugeHeader}");
        Assert.IsTrue(hugeToken is 431 or 0, $"40 KiB token: {hugeToken}");
        Assert.IsTrue(manyHeaders is 431 or 0, $"40 KiB of headers: {manyHeaders}");
        Assert.IsTrue(hugeTarget is 414 or 0, $"16 KiB target: {hugeTarget}");
        Assert.IsEmpty(gateway.ReceivedByAnyService, string.Join('\n', gateway.ReceivedByAnyService));
    }

    [TestMethod]
    public async Task ForgedForwardedHeaders_CannotNameAnotherHost_ForAnUntrustedSender()
    {
        // From the loopback (trusted, like a proxy on this machine) X-Forwarded-Host picks the route; an unknown one is 404.
        var status = await RawRequest.SendAsync(gateway, $"GET / HTTP/1.1\nHost: {gateway.Addresses.ServiceHost("shop-api")}\nX-Forwarded-Host: shop-api.other.localhost\nX-Preview-Token: {gateway.Token}\nConnection: close\n\n");

        Assert.AreEqual(404, status);
        Assert.IsEmpty(gateway.ReceivedByAnyService);
        var policy = new Access.ForwardedHeadersPolicy([IPNetwork.Parse("10.0.0.0/8")]);
        Assert.IsTrue(policy.Trusts(IPAddress.Loopback));
        Assert.IsTrue(policy.Trusts(IPAddress.Parse("::ffff:10.1.2.3")));
        Assert.IsFalse(policy.Trusts(IPAddress.Parse("192.168.1.5")), "Only the loopback and the named proxies are believed.");
        Assert.IsFalse(policy.Trusts(null));
    }

    [TestMethod]
    public async Task ATokenQueryWithAnotherMethod_StillNeverForwardsTheToken()
    {
        using var client = gateway.Client();
        var before = gateway.ReceivedByAnyService.Count;

        using var response = await client.PostAsync(gateway.UrlOf(gateway.Addresses.ServiceHost("shop-api"), $"/orders?preview_token={gateway.Token}"), new StringContent("{}"));

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.AreEqual("/orders", response.Headers.Location?.OriginalString);
        Assert.AreEqual(before, gateway.ReceivedByAnyService.Count);
    }
}
