using System.Net;
using System.Net.WebSockets;
using System.Text;
using PreviewSdk.Gateway.Tests.Infrastructure;

namespace PreviewSdk.Gateway.Tests;

/// <summary>WebSockets and server-sent events pass through the gateway, as the Aspire dashboard's live views need.</summary>
[TestClass]
public sealed class PassthroughTests
{
    private static GatewayUnderTest gateway = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => gateway = await GatewayUnderTest.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await gateway.DisposeAsync();

    [TestMethod]
    public async Task AWebSocket_EchoesThroughTheGateway_WithTheToken_AndIsRefusedWithout()
    {
        var url = new Uri(gateway.UrlOf(gateway.Addresses.ServiceHost("shop-web"), "/echo").Replace("http://", "ws://", StringComparison.Ordinal));
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { ConnectCallback = ConnectCallback });

        using (var refused = new ClientWebSocket())
        {
            var error = await Assert.ThrowsExactlyAsync<WebSocketException>(() => refused.ConnectAsync(url, invoker, CancellationToken.None));
            StringAssert.Contains(error.Message, "401");
        }

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Preview-Token", gateway.Token);
        await socket.ConnectAsync(url, invoker, CancellationToken.None);
        foreach (var message in new[] { "hello", "live view" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
            var buffer = new byte[256];
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            Assert.AreEqual(message, Encoding.UTF8.GetString(buffer, 0, result.Count));
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [TestMethod]
    public async Task ServerSentEvents_ArriveOneByOne_NotBufferedToTheEnd()
    {
        using var client = gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, gateway.UrlOf(gateway.Addresses.ServiceHost("shop-api"), "/events"));
        request.Headers.Add("X-Preview-Token", gateway.Token);

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync();
        var firstArrived = DateTime.UtcNow;
        var rest = await reader.ReadToEndAsync();

        Assert.AreEqual("data: event 1 of shop-api", first);
        StringAssert.Contains(rest, "data: event 3 of shop-api");
        Assert.IsGreaterThan(TimeSpan.FromMilliseconds(300), DateTime.UtcNow - firstArrived, "The first event came only with the last: the stream was buffered.");
    }

    private static async ValueTask<Stream> ConnectCallback(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var client = await gateway.ConnectAsync();
        return client.GetStream();
    }
}
