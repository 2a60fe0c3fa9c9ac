using System.Net;
using System.Text;
using System.Text.Json;
using PreviewSdk.Gateway.Tests.Infrastructure;

namespace PreviewSdk.Gateway.Tests;

/// <summary>
/// A service's replicas reached on their own ports: requests shared in turn, a replica that is gone passed over
/// without a failed request, a restarted one followed to its new port, and the service's shared endpoint (Aspire's,
/// in an environment) used when no replica is known or none answers. Each replica is a real HTTP service that logs
/// what it receives.
/// </summary>
[TestClass]
public sealed class ReplicaBalancingTests
{
    private const string Service = "shop-api";

    [TestMethod]
    public async Task Requests_AreSharedInTurnBetweenTheReplicas_AndNoneGoesToTheSharedEndpoint()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        await using var first = await RecordingService.StartAsync("shop-api#1");
        await using var second = await RecordingService.StartAsync("shop-api#2");
        gateway.SetReplicas(Service, first, second);

        var answeredBy = new List<string>();
        for (var request = 0; request < 10; request++)
        {
            var seen = await GetAsync(gateway, $"/products?n={request}");
            answeredBy.Add(seen.Service!);
            Assert.AreEqual($"{gateway.Addresses.ServiceHost(Service)}:{gateway.Gateway.Port}", seen.Host, "The original Host is passed on to a replica too.");
        }

        Assert.AreEqual(5, first.Received.Count, string.Join(", ", answeredBy));
        Assert.AreEqual(5, second.Received.Count, string.Join(", ", answeredBy));
        for (var index = 1; index < answeredBy.Count; index++)
        {
            Assert.AreNotEqual(answeredBy[index - 1], answeredBy[index], $"Not in turn: {string.Join(", ", answeredBy)}");
        }

        Assert.IsEmpty(gateway.Service(Service).Received, "A request went to the shared endpoint while replicas were known.");
    }

    [TestMethod]
    public async Task AReplicaThatIsGone_IsPassedOver_AndNoRequestFails()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        await using var survivor = await RecordingService.StartAsync("shop-api#1");
        var gone = await RecordingService.StartAsync("shop-api#2");
        gateway.SetReplicas(Service, survivor, gone);
        await GetAsync(gateway, "/warm");
        await GetAsync(gateway, "/warm");

        // Ended, and the environment has not noticed yet: it is still listed.
        await gone.DisposeAsync();
        for (var request = 0; request < 8; request++)
        {
            var seen = await GetAsync(gateway, $"/after?n={request}");
            Assert.AreEqual("shop-api#1", seen.Service);
        }

        Assert.AreEqual(9, survivor.Received.Count, "one warm-up request and the eight after");
        Assert.IsEmpty(gateway.Service(Service).Received);
    }

    [TestMethod]
    public async Task WhenEveryReplicaIsGone_OrNoneIsKnown_TheSharedEndpointServes()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        Assert.AreEqual(Service, (await GetAsync(gateway, "/none-known")).Service, "no replica known yet: the shared endpoint");

        var gone = await RecordingService.StartAsync("shop-api#1");
        gateway.SetReplicas(Service, gone);
        await gone.DisposeAsync();

        Assert.AreEqual(Service, (await GetAsync(gateway, "/all-gone")).Service);
        Assert.AreSequenceEqual(["/none-known", "/all-gone"], gateway.Service(Service).Received.Select(request => request.RawTarget).ToArray());
    }

    [TestMethod]
    public async Task ARequestWithABody_IsNotSentAgainElsewhere_WhenItsReplicaIsGone_TheNextRequestIs()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        var gone = await RecordingService.StartAsync("shop-api#1");
        gateway.SetReplicas(Service, gone);
        await gone.DisposeAsync();
        using var client = gateway.Client();
        using var post = new HttpRequestMessage(HttpMethod.Post, gateway.UrlOf(gateway.Addresses.ServiceHost(Service), "/orders"))
        {
            Content = new StringContent("""{"quantity":1}""", Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-Preview-Token", gateway.Token);

        using var response = await client.SendAsync(post);

        Assert.AreEqual(HttpStatusCode.BadGateway, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.AreEqual("upstream_failed", body.RootElement.GetProperty("error").GetString());
        Assert.IsEmpty(gateway.Service(Service).Received, "A request with a body was sent a second time.");
        Assert.AreEqual(Service, (await GetAsync(gateway, "/next")).Service, "the replica that refused is passed over");
    }

    [TestMethod]
    public async Task AReplicaRestartedOnANewPort_IsFollowed()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        var before = await RecordingService.StartAsync("shop-api#1");
        gateway.SetReplicas(Service, before);
        Assert.AreEqual("shop-api#1", (await GetAsync(gateway, "/before")).Service);

        await before.DisposeAsync();
        await using var after = await RecordingService.StartAsync("shop-api#1-restarted");
        Assert.AreNotEqual(before.Address, after.Address);
        gateway.SetReplicas(Service, after);

        Assert.AreEqual("shop-api#1-restarted", (await GetAsync(gateway, "/after")).Service);
        Assert.IsEmpty(gateway.Service(Service).Received);
    }

    private static async Task<ReceivedRequest> GetAsync(GatewayUnderTest gateway, string pathAndQuery)
    {
        using var client = gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, gateway.UrlOf(gateway.Addresses.ServiceHost(Service), pathAndQuery));
        request.Headers.Add("X-Preview-Token", gateway.Token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, text);
        return JsonSerializer.Deserialize<ReceivedRequest>(text)!;
    }
}
