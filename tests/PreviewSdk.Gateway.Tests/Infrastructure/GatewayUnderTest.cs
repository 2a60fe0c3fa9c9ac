using System.Net;
using System.Net.Sockets;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Pages;
using PreviewSdk.Gateway.Routing;
using PreviewSdk.Gateway.Server;

namespace PreviewSdk.Gateway.Tests.Infrastructure;

/// <summary>
/// A gateway in front of recording services, as an environment's app host runs it: a state folder with the token
/// file, the services' real addresses as upstreams, and clients that reach its host names (which .NET, unlike
/// browsers, does not resolve under <c>.localhost</c>) by connecting to its port.
/// </summary>
internal sealed class GatewayUnderTest : IAsyncDisposable
{
    private readonly Dictionary<string, RecordingService> services;

    private GatewayUnderTest(PreviewGateway gateway, Dictionary<string, RecordingService> services, string stateDirectory, string? token)
    {
        Gateway = gateway;
        this.services = services;
        StateDirectory = stateDirectory;
        Token = token;
    }

    public PreviewGateway Gateway { get; }

    public string StateDirectory { get; }

    /// <summary>The token issued at start (null without authentication).</summary>
    public string? Token { get; private set; }

    public GatewayAddresses Addresses => Gateway.Addresses;

    public RecordingService Service(string name) => services[name];

    /// <summary>Every request any service (the dashboard stand-in included) received.</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedByAnyService => services.Values.SelectMany(service => service.Received).ToList();

    /// <summary>A gateway for <paramref name="environment"/> with services shop-api and shop-web, and a dashboard stand-in.</summary>
    /// <remarks>With <paramref name="grpcService"/>, also basket: a service that speaks HTTP/2 only, as gRPC services do.</remarks>
    public static async Task<GatewayUnderTest> StartAsync(string environment = "main", GatewaySettings? settings = null, IDirectorySource? directory = null, RecordingService? dashboard = null, bool grpcService = false)
    {
        settings ??= new GatewaySettings();
        var stateDirectory = Directory.CreateTempSubdirectory("previewsdk-gateway-test-").FullName;
        var token = settings.Auth == GatewayAuth.Token ? AccessTokenFile.Issue(stateDirectory) : null;
        var services = new Dictionary<string, RecordingService>(StringComparer.Ordinal)
        {
            ["shop-api"] = await RecordingService.StartAsync("shop-api"),
            ["shop-web"] = await RecordingService.StartAsync("shop-web"),
            ["dashboard"] = dashboard ?? await RecordingService.StartAsync("dashboard", dashboardLogin: true),
        };
        if (grpcService)
        {
            services["basket"] = await RecordingService.StartAsync("basket", http2Only: true);
        }

        var upstreams = new Upstreams(services);
        var gateway = await PreviewGateway.StartAsync(new GatewayOptions
        {
            Settings = settings,
            Environment = environment,
            EnvironmentId = Guid.NewGuid().ToString("N"),
            StateDirectory = stateDirectory,
            Services = grpcService ? ["shop-api", "shop-web", "basket"] : ["shop-api", "shop-web"],
            Http2Services = grpcService ? ["basket"] : [],
            Upstreams = upstreams,
            Directory = directory ?? new FixedDirectory(environment),
            DashboardBrowserToken = () => DashboardStandIn.BrowserToken,
        }, null, CancellationToken.None);
        return new GatewayUnderTest(gateway, services, stateDirectory, token);
    }

    /// <summary>Issues a new token, as <c>-t:PreviewRotateToken</c> does.</summary>
    public string Rotate() => Token = AccessTokenFile.Issue(StateDirectory);

    /// <summary>
    /// A client of the gateway that keeps cookies in <paramref name="cookies"/> when given and follows no redirects,
    /// so a test sees each step.
    /// </summary>
    public HttpClient Client(CookieContainer? cookies = null) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        UseProxy = false,
        ConnectCallback = ConnectToGatewayAsync,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>An HTTP/2 client (prior knowledge, as gRPC clients are) of the gateway's HTTP/2 port.</summary>
    public HttpClient Http2Client() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, Gateway.Http2Port ?? throw new InvalidOperationException("The gateway has no HTTP/2 port."), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>Opens a TCP connection to the gateway, for requests no HTTP client would send.</summary>
    public async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Gateway.Port);
        return client;
    }

    public string UrlOf(string host, string pathAndQuery = "/") => Addresses.UrlOf(host).TrimEnd('/') + pathAndQuery;

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var service in services.Values)
        {
            await service.DisposeAsync();
        }

        Directory.Delete(StateDirectory, recursive: true);
    }

    private async ValueTask<Stream> ConnectToGatewayAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, Gateway.Port, cancellationToken);
        return new NetworkStream(socket, ownsSocket: true);
    }

    private sealed class Upstreams(Dictionary<string, RecordingService> services) : IGatewayUpstreams
    {
        public Uri? Find(GatewayRoute route) => route.Kind switch
        {
            RouteKind.Dashboard => services["dashboard"].Address,
            RouteKind.Service => services[route.Name].Address,
            _ => null,
        };
    }

    private sealed class FixedDirectory(string environment) : IDirectorySource
    {
        public DirectoryModel Describe() => new()
        {
            Environment = environment,
            Profile = "lightweight",
            DashboardUrl = $"http://dashboard.{environment}.localhost/",
            Resources = [new DirectoryEntry("shop-api", $"http://shop-api.{environment}.localhost/", "Running", "Healthy")],
            Ready = true,
        };
    }
}
