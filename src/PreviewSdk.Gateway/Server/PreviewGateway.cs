using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Access;
using PreviewSdk.Gateway.Dashboard;
using PreviewSdk.Gateway.Forwarding;
using PreviewSdk.Gateway.Routing;

namespace PreviewSdk.Gateway.Server;

/// <summary>
/// One environment's running gateway: Kestrel listening on the bind address and port, every request routed by its
/// Host header, authenticated, then answered (directory page, robots.txt, sign-in) or forwarded with YARP's
/// forwarder (WebSockets and server-sent events pass through).
/// </summary>
public sealed class PreviewGateway : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly AccessTokenStore? tokens;
    private readonly HttpMessageInvoker client;

    private PreviewGateway(WebApplication app, AccessTokenStore? tokens, HttpMessageInvoker client, int port, GatewayAddresses addresses)
    {
        this.app = app;
        this.tokens = tokens;
        this.client = client;
        Port = port;
        Addresses = addresses;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The port of its HTTP/2 (h2c) listener, for services that speak HTTP/2 only; null when it has none.</summary>
    public int? Http2Port { get; private init; }

    /// <summary>The environment's addresses through this gateway.</summary>
    public GatewayAddresses Addresses { get; }

    /// <summary>The token store (null without authentication), for the hosting layer to report a missing token.</summary>
    public AccessTokenStore? Tokens => tokens;

    /// <summary>Starts listening; throws <see cref="IOException"/> when the address or port cannot be bound.</summary>
    public static async Task<PreviewGateway> StartAsync(GatewayOptions options, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Settings;
        // An empty builder: the app host's own ASPNETCORE_URLS and configuration are the dashboard's, not ours.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        ListenOptions? http1Listener = null;
        ListenOptions? http2Listener = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // the service behind decides
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Listen(settings.BindAddress, settings.Port ?? 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                http1Listener = listen;
            });
            if (options.Http2Services.Count > 0)
            {
                // Without TLS, Kestrel cannot offer HTTP/1.1 and HTTP/2 on one port (no ALPN): gRPC clients get a port
                // of their own that speaks HTTP/2 with prior knowledge, as the services themselves do.
                kestrel.Listen(settings.BindAddress, 0, listen =>
                {
                    listen.Protocols = HttpProtocols.Http2;
                    http2Listener = listen;
                });
            }
        });
        builder.Services.AddHttpForwarder();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var app = builder.Build();
        var client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            // Trace headers the browser sent pass through as they are; the gateway adds no span of its own.
            ActivityHeadersPropagator = null,
        });
        // The addresses need the port, which a free port has only once listening: requests wait for the handler.
        var ready = new TaskCompletionSource<GatewayRequestHandler>(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Run(async context => await (await ready.Task).HandleAsync(context));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            client.Dispose();
            throw;
        }


        // Kestrel writes the port it bound (a free one for port 0) back into the listen options.
        var port = ((IPEndPoint)http1Listener!.EndPoint).Port;
        var http2Port = http2Listener is null ? (int?)null : ((IPEndPoint)http2Listener.EndPoint).Port;
        var addresses = GatewayAddresses.For(settings, options.Environment, port, options.Services) with
        {
            Http2Services = options.Http2Services.ToHashSet(StringComparer.Ordinal),
            // Behind a public URL the proxy in front decides how HTTP/2 reaches this port; links stay on its URL.
            Http2Port = settings.PublicUrl is null ? http2Port : null,
        };
        var tokens = settings.Auth == GatewayAuth.Token ? new AccessTokenStore(options.StateDirectory, options.EnvironmentId) : null;
        var cookie = new AccessCookie(addresses, options.EnvironmentId, settings.PublicUrl?.Scheme == Uri.UriSchemeHttps);
        var table = new HostRoutingTable(addresses, options.Services);
        var dashboard = new DashboardSession(() => options.Upstreams.Find(table.Routes[1]), options.DashboardBrowserToken, client);
        var handler = new GatewayRequestHandler(options, table, tokens, cookie, new ForwardedHeadersPolicy(settings.TrustedProxies), dashboard,
            app.Services.GetRequiredService<Yarp.ReverseProxy.Forwarder.IHttpForwarder>(), client, new GatewayTransformer(cookie, dashboard));
        ready.SetResult(handler);
        return new PreviewGateway(app, tokens, client, port, addresses) { Http2Port = http2Port };
    }

    /// <summary>Stops listening and ends open exchanges.</summary>
    public async ValueTask DisposeAsync()
    {
        // Live views (WebSockets, server-sent events) never end by themselves: give open exchanges a moment, not the
        // host's default half minute, so the app host stops its resources promptly.
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await app.StopAsync(grace.Token);
        }

        await app.DisposeAsync();
        tokens?.Dispose();
        client.Dispose();
    }
}
