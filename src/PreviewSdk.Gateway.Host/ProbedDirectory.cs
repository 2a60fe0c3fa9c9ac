using System.Collections.Concurrent;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Pages;

namespace PreviewSdk.Gateway.Host;

/// <summary>
/// The directory page's content without an app host: the configuration's facts, and each service's health from the
/// gateway's own probe of its health path every 10 s (2 s time-out), as readiness probes see it.
/// </summary>
internal sealed class ProbedDirectory : IDirectorySource, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly StandaloneGatewayConfig config;
    private readonly HttpClient client = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(2) };
    private readonly ConcurrentDictionary<string, (string State, string? Health)> health = new(StringComparer.Ordinal);
    private readonly Timer timer;
    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;

    public ProbedDirectory(StandaloneGatewayConfig config)
    {
        this.config = config;
        timer = new Timer(_ => _ = ProbeAllAsync(), null, TimeSpan.Zero, Interval);
    }

    /// <summary>The addresses links are made of, once the gateway listens.</summary>
    public GatewayAddresses? Addresses { get; set; }

    public DirectoryModel Describe() => new()
    {
        Environment = config.Environment,
        App = config.App,
        Profile = config.Profile,
        Branch = config.Branch,
        Owner = config.Owner,
        StartedAt = started,
        Ready = config.Services.All(service => health.TryGetValue(service.Name, out var state) && state.Health is "Healthy" or null && state.State == "Running"),
        DashboardUrl = string.Empty,
        Resources = [.. config.Services.Select(service => health.TryGetValue(service.Name, out var state)
            ? new DirectoryEntry(service.Name, Addresses?.ServiceUrl(service.Name), state.State, state.Health)
            : new DirectoryEntry(service.Name, Addresses?.ServiceUrl(service.Name), null, null))],
        Data = config.Data,
    };

    public void Dispose()
    {
        timer.Dispose();
        client.Dispose();
    }

    private async Task ProbeAllAsync()
    {
        foreach (var service in config.Services)
        {
            health[service.Name] = await ProbeAsync(service);
        }
    }

    private async Task<(string State, string? Health)> ProbeAsync(StandaloneGatewayService service)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(service.Url, service.HealthPath ?? "/"));
            return service.HealthPath is null ? ("Running", null) : ("Running", response.IsSuccessStatusCode ? "Healthy" : "Unhealthy");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return ("Unreachable", service.HealthPath is null ? null : "Unhealthy");
        }
    }
}
