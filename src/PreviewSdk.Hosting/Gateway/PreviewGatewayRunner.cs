using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Routing;
using PreviewSdk.Gateway.Server;

namespace Aspire.Hosting;

/// <summary>
/// Runs the environment's gateway inside the app host: starts it before the resources (it resolves each service's
/// endpoint per request, so it can listen before they have one), has it forward to each service's replicas on their
/// own ports (<see cref="ServiceReplicas"/>) and to Aspire's endpoint while none is known, publishes its state and address to the dashboard,
/// and stops it with the app host. A gateway that cannot listen fails its resource with PREVIEW5003, which fails the
/// start like any resource's failure.
/// </summary>
internal sealed class PreviewGatewayRunner(
    IServiceProvider services,
    PreviewRuntime runtime,
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService loggers,
    ServiceReplicas replicas,
    IConfiguration configuration) : IGatewayUpstreams
{
    private Dictionary<string, EndpointReference> endpoints = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Port, Uri Address)> addresses = new(StringComparer.Ordinal);
    private PreviewGateway? gateway;

    /// <summary>The running gateway's addresses; null until it listens (or when it could not).</summary>
    public GatewayAddresses? Addresses => gateway?.Addresses;

    /// <summary>Where to connect to the gateway from this machine, e.g. <c>127.0.0.1:41234</c>; null until it listens.</summary>
    public string? Endpoint => gateway is null ? null
        : new System.Net.IPEndPoint(Settings.BindAddress.Equals(System.Net.IPAddress.Any) ? System.Net.IPAddress.Loopback
            : Settings.BindAddress.Equals(System.Net.IPAddress.IPv6Any) ? System.Net.IPAddress.IPv6Loopback : Settings.BindAddress, gateway.Port).ToString();

    /// <summary>Whether the gateway asks for the token.</summary>
    public GatewaySettings Settings { get; private set; } = new();

    /// <summary>The services reached through the gateway, in model order.</summary>
    public IReadOnlyList<string> Services => [.. endpoints.Keys];

    /// <summary>The services that speak HTTP/2 only (<see cref="PreviewResources.SpeaksHttp2Only"/>).</summary>
    public IReadOnlyList<string> Http2Services => [.. endpoints
        .Where(entry => PreviewResources.SpeaksHttp2Only(entry.Value.Resource, entry.Value.EndpointAnnotation))
        .Select(entry => entry.Key)];

    public async Task StartAsync(PreviewGatewayResource resource, CancellationToken stopping)
    {
        var log = loggers.GetLogger(resource);
        var bag = new DiagnosticBag();
        if (GatewaySettingsReader.Read(GatewaySettingsText.FromVariables(System.Environment.GetEnvironmentVariable), SourceLocation.WholeFile(string.Empty), bag) is not { } settings)
        {
            // -t:Preview checked them; this is an app host started by hand with wrong PREVIEW_GATEWAY_* variables.
            throw new DistributedApplicationException(string.Join(" ", bag.Select(diagnostic => $"{diagnostic.Code}: {diagnostic.Message}")));
        }

        Settings = settings;
        endpoints = model.Resources.OfType<IResourceWithEndpoints>()
            .Where(PreviewResources.IsRunnable)
            .Select(candidate => (candidate.Name, Endpoint: HttpEndpoint(candidate)))
            .Where(entry => entry.Endpoint is not null)
            .ToDictionary(entry => entry.Name, entry => entry.Endpoint!, StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Values)
        {
            replicas.Track(endpoint);
        }

        _ = replicas.RunAsync(stopping);
        if (settings.Auth == GatewayAuth.Token)
        {
            // -t:Preview issued it; an app host started by F5 or dotnet run issues its own.
            AccessTokenFile.ReadOrIssue(runtime.StateDirectory);
        }

        try
        {
            gateway = await PreviewGateway.StartAsync(new GatewayOptions
            {
                Settings = settings,
                Environment = runtime.Name,
                EnvironmentId = runtime.EnvironmentId,
                StateDirectory = runtime.StateDirectory,
                Services = Services,
                Http2Services = Http2Services,
                Upstreams = this,
                Directory = services.GetRequiredService<EnvironmentDirectory>(),
                DashboardBrowserToken = () => configuration["AppHost:BrowserToken"],
            }, null, stopping);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            var where = $"{settings.BindAddress}:{settings.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"}";
            var diagnostic = DiagnosticFactory.Create(DiagnosticCodes.GatewayListenFailed, SourceLocation.WholeFile(string.Empty), runtime.Name, where, e.Message);
            log.LogError("{Code}: {Message}", diagnostic.Code, diagnostic.Message);
            await notifications.PublishUpdateAsync(resource, snapshot => snapshot with { State = KnownResourceStates.FailedToStart, ExitCode = 1 });
            return;
        }

        if (gateway.Tokens is { } tokens)
        {
            tokens.Changed += () => ReportMissingToken(log, tokens);
        }

        // Not waited for: stopping the app host's resources should not queue behind the gateway's open connections.
        stopping.Register(() => _ = gateway.DisposeAsync().AsTask());
        log.LogInformation("Listening on {Address}:{Port}; the links directory is {Directory} ({Auth}).",
            settings.BindAddress, gateway.Port, gateway.Addresses.DirectoryUrl, settings.Auth == GatewayAuth.Token ? "the access token is needed" : "no authentication");
        if (gateway.Http2Port is { } http2Port)
        {
            log.LogInformation("Listening for HTTP/2 with prior knowledge (gRPC clients) on {Address}:{Port}, for {Services}.",
                settings.BindAddress, http2Port, string.Join(", ", Http2Services));
        }

        // Aspire rebuilds a snapshot's URLs from the resource's URL annotations on every update.
        resource.Annotations.Add(new ResourceUrlAnnotation { Url = gateway.Addresses.DirectoryUrl, DisplayText = "links directory" });
        await notifications.PublishUpdateAsync(resource, snapshot => snapshot with
        {
            State = KnownResourceStates.Running,
            StartTimeStamp = DateTime.UtcNow,
            Properties = [.. snapshot.Properties, new ResourcePropertySnapshot("gateway.auth", settings.Auth == GatewayAuth.Token ? "token" : "none"), new ResourcePropertySnapshot("gateway.listen", $"{settings.BindAddress}:{gateway.Port}"),
                .. gateway.Http2Port is { } h2c ? [new ResourcePropertySnapshot("gateway.listen.http2", $"{settings.BindAddress}:{h2c}")] : Array.Empty<ResourcePropertySnapshot>()],
        });
    }

    /// <inheritdoc />
    public Uri? Find(GatewayRoute route) => route.Kind switch
    {
        RouteKind.Dashboard => DashboardAddress(),
        RouteKind.Service when endpoints.TryGetValue(route.Name, out var endpoint) && endpoint.IsAllocated => Address(route.Name, endpoint),
        _ => null,
    };

    /// <inheritdoc />
    public IReadOnlyList<Uri> Replicas(GatewayRoute route) => route.Kind == RouteKind.Service ? replicas.Of(route.Name) : [];

    // Per request while no replica is known, so it must be cheap: the address is made once per endpoint port (which a restart may change).
    private Uri Address(string service, EndpointReference endpoint)
    {
        var port = endpoint.Port;
        if (addresses.TryGetValue(service, out var known) && known.Port == port)
        {
            return known.Address;
        }

        var address = new Uri(endpoint.Url + "/");
        addresses[service] = (port, address);
        return address;
    }

    // The dashboard listens on the app host's ASPNETCORE_URLS (PreviewApplication sets a free loopback port).
    private Uri? DashboardAddress() =>
        (configuration["ASPNETCORE_URLS"] ?? string.Empty).Split(';')[0] is { Length: > 0 } url && Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var address)
        && model.Resources.Any(resource => resource.Name == "aspire-dashboard")
            ? address
            : null;

    // The resource's first HTTP endpoint, plain http before https (the gateway speaks to services on the loopback).
    private static EndpointReference? HttpEndpoint(IResourceWithEndpoints resource)
    {
        var annotations = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        var chosen = annotations.FirstOrDefault(endpoint => endpoint.UriScheme == "http") ?? annotations.FirstOrDefault(endpoint => endpoint.UriScheme == "https");
        return chosen is null ? null : resource.GetEndpoint(chosen.Name);
    }

    private void ReportMissingToken(ILogger log, PreviewSdk.Gateway.Access.AccessTokenStore tokens)
    {
        if (!tokens.HasToken)
        {
            var diagnostic = DiagnosticFactory.Create(DiagnosticCodes.AccessTokenMissing, SourceLocation.WholeFile(string.Empty), runtime.Name, AccessTokenFile.PathIn(runtime.StateDirectory));
            log.LogError("{Code}: {Message}", diagnostic.Code, diagnostic.Message);
        }
        else
        {
            log.LogInformation("A new access token is in place; earlier links and cookies no longer open the environment.");
        }
    }
}
