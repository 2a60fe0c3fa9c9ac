using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PreviewSdk.Gateway.Tests.Infrastructure;

/// <summary>
/// A tiny HTTP service that logs every request it receives before answering it: what the hostile-request tests look
/// at to prove a request never reached it. It answers with what it saw (JSON), streams server-sent events at
/// <c>/events</c> and echoes WebSocket messages at <c>/echo</c>.
/// </summary>
internal sealed class RecordingService : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedRequest> received = new();

    private RecordingService(string name, WebApplication app)
    {
        Name = name;
        this.app = app;
    }

    public string Name { get; }

    /// <summary>The service's own address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    /// <summary>Starts a service on a free loopback port; <paramref name="http2Only"/> makes it speak HTTP/2 only, as a gRPC service does.</summary>
    public static async Task<RecordingService> StartAsync(string name, bool dashboardLogin = false, bool http2Only = false)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0,
            listen => listen.Protocols = http2Only ? Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2 : Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1AndHttp2));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var service = new RecordingService(name, app);
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            service.received.Enqueue(ReceivedRequest.Of(context));
            if (!dashboardLogin || DashboardStandIn.LetsIn(context))
            {
                await next(context);
            }
        });
        app.Run(service.AnswerAsync);
        await app.StartAsync();
        service.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
        return service;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/events":
                context.Response.ContentType = "text/event-stream";
                for (var index = 1; index <= 3; index++)
                {
                    await context.Response.WriteAsync($"data: event {index} of {Name}\n\n");
                    await context.Response.Body.FlushAsync();
                    await Task.Delay(300);
                }

                return;
            case "/echo" when context.WebSockets.IsWebSocketRequest:
                using (var socket = await context.WebSockets.AcceptWebSocketAsync())
                {
                    var buffer = new byte[4096];
                    while (true)
                    {
                        var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                            return;
                        }

                        await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, CancellationToken.None);
                    }
                }

            default:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(ReceivedRequest.Of(context) with { Service = Name }));
                return;
        }
    }
}

/// <summary>One request as the service received it.</summary>
internal sealed record ReceivedRequest(string Method, string RawTarget, string Host, IReadOnlyDictionary<string, string> Headers)
{
    public string? Service { get; init; }

    /// <summary>The protocol it arrived in, e.g. <c>HTTP/2</c>.</summary>
    public string Protocol { get; init; } = string.Empty;

    public static ReceivedRequest Of(HttpContext context) => new(
        context.Request.Method,
        context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty,
        context.Request.Host.Value ?? string.Empty,
        context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase))
    {
        Protocol = context.Request.Protocol,
    };

    public override string ToString() => $"{Method} {RawTarget} Host: {Host}";
}
