using System.Net;
using System.Text.Json;
using PreviewSdk.Gateway.Tests.Infrastructure;

namespace PreviewSdk.Gateway.Tests;

/// <summary>
/// A service that speaks HTTP/2 only (a gRPC service) behind the gateway: linked at the gateway's HTTP/2 port, reached
/// there over HTTP/2 with prior knowledge, forwarded over HTTP/2, and behind the access token like every service.
/// </summary>
[TestClass]
public sealed class Http2ServiceTests
{
    private static GatewayUnderTest gateway = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => gateway = await GatewayUnderTest.StartAsync(grpcService: true);

    [ClassCleanup]
    public static async Task StopAsync() => await gateway.DisposeAsync();

    [TestMethod]
    public void TheHttp2OnlyService_IsLinkedAtTheHttp2Port_TheOthersAtTheMainPort()
    {
        Assert.IsNotNull(gateway.Gateway.Http2Port);
        Assert.AreNotEqual(gateway.Gateway.Port, gateway.Gateway.Http2Port);
        Assert.AreEqual($"http://basket.main.localhost:{gateway.Gateway.Http2Port}/", gateway.Addresses.ServiceUrl("basket"));
        Assert.AreEqual($"http://shop-api.main.localhost:{gateway.Gateway.Port}/", gateway.Addresses.ServiceUrl("shop-api"));
    }

    [TestMethod]
    public async Task AnHttp2Request_WithTheToken_ReachesTheServiceOverHttp2_WithItsMetadata()
    {
        using var client = gateway.Http2Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Addresses.ServiceUrl("basket") + "basket.Basket/AddItem")
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Add("X-Preview-Token", gateway.Token);
        request.Headers.Add("grpc-timeout", "5S");

        using var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpVersion.Version20, response.Version);
        var seen = JsonSerializer.Deserialize<ReceivedRequest>(await response.Content.ReadAsStringAsync())!;
        Assert.AreEqual("HTTP/2", seen.Protocol, "The gateway downgraded the request to the HTTP/2-only service.");
        Assert.AreEqual("basket", seen.Service);
        var headers = new Dictionary<string, string>(seen.Headers, StringComparer.OrdinalIgnoreCase);
        Assert.AreEqual("5S", headers["grpc-timeout"]);
        Assert.IsFalse(headers.ContainsKey("X-Preview-Token"), "The access token reached the service.");
    }

    [TestMethod]
    public async Task AnHttp2Request_WithoutTheToken_IsRefusedAndNeverReachesTheService()
    {
        var before = gateway.Service("basket").Received.Count;
        using var client = gateway.Http2Client();

        using var response = await client.GetAsync(gateway.Addresses.ServiceUrl("basket"));

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual(before, gateway.Service("basket").Received.Count);
    }

    [TestMethod]
    public async Task TheMainPort_StillServesTheService_ToAnHttp11Client_OverHttp2Behind()
    {
        using var client = gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, gateway.UrlOf(gateway.Addresses.ServiceHost("basket"), "/"));
        request.Headers.Add("X-Preview-Token", gateway.Token);

        using var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("HTTP/2", JsonSerializer.Deserialize<ReceivedRequest>(await response.Content.ReadAsStringAsync())!.Protocol);
    }
}
