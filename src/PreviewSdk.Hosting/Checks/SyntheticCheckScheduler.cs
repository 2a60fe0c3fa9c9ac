using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using PreviewSdk.Observability.Checks;

namespace Aspire.Hosting;

/// <summary>
/// Runs every service's synthetic checks inside the environment: each first as soon as the environment is ready, then
/// every <c>interval</c>. Keeps each check's last result for its health check, and writes changes (failing, passing
/// again) into the service's log in the dashboard.
/// </summary>
internal sealed class SyntheticCheckScheduler(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService loggers,
    EnvironmentReadiness readiness) : IDisposable
{
    private readonly ConcurrentDictionary<string, CheckResult> latest = new(StringComparer.Ordinal);
    private readonly HttpClient client = CheckRunner.CreateClient();

    /// <summary>The last result of the check whose health check is <paramref name="key"/>; null until it ran.</summary>
    public CheckResult? Latest(string key) => latest.GetValueOrDefault(key);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
            var loops = model.Resources
                .SelectMany(resource => resource.Annotations.OfType<PreviewCheckAnnotation>().Select(check => RunOnScheduleAsync(resource, check, stoppingToken)))
                .ToList();
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping.
        }
    }

    /// <summary>Runs every check of <paramref name="resource"/> now (the dashboard's Run checks command).</summary>
    public async Task<IReadOnlyList<CheckResult>> RunNowAsync(IResource resource, CancellationToken cancellationToken) =>
        await Task.WhenAll(resource.Annotations.OfType<PreviewCheckAnnotation>().Select(check => RunOnceAsync(resource, check, cancellationToken)));

    public void Dispose() => client.Dispose();

    private async Task RunOnScheduleAsync(IResource resource, PreviewCheckAnnotation check, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(check.Check.Interval);
        do
        {
            await RunOnceAsync(resource, check, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<CheckResult> RunOnceAsync(IResource resource, PreviewCheckAnnotation check, CancellationToken cancellationToken)
    {
        var result = BaseUrlOf(resource) is ({ } url, var http2Only)
            ? await CheckRunner.RunAsync(client, url, check.Check, cancellationToken, http2Only)
            : new CheckResult(check.Check, new Uri($"http://{resource.Name}{check.Check.Path.Value}"), CheckOutcome.NoAnswer, TimeSpan.Zero, DateTimeOffset.UtcNow)
            {
                Error = "the service has no HTTP endpoint allocated",
            };
        var previous = latest.GetValueOrDefault(check.HealthCheckKey);
        latest[check.HealthCheckKey] = result;
        if (previous?.Passed != result.Passed)
        {
            Log(resource, check, result, previous);
            await PublishSummaryAsync(resource);
        }

        return result;
    }

    private void Log(IResource resource, PreviewCheckAnnotation check, CheckResult result, CheckResult? previous)
    {
        var log = loggers.GetLogger(resource);
        if (!result.Passed)
        {
            log.LogError("[preview] Check '{Check}' fails: {Result}", check.Check.FullName, result.Describe());
        }
        else if (previous is not null)
        {
            log.LogInformation("[preview] Check '{Check}' passes again: {Result}", check.Check.FullName, result.Describe());
        }
    }

    // A new property is also what makes Aspire's health monitor look again at once instead of at its next poll
    // (up to 30 s away while healthy), so the dashboard turns red as the check fails, not half a minute later.
    private Task PublishSummaryAsync(IResource resource)
    {
        var checks = resource.Annotations.OfType<PreviewCheckAnnotation>().ToList();
        var passing = checks.Count(check => latest.GetValueOrDefault(check.HealthCheckKey)?.Passed ?? true);
        var summary = $"{passing} of {checks.Count} passing";
        return notifications.PublishUpdateAsync(resource, snapshot => snapshot with
        {
            Properties = snapshot.Properties.RemoveAll(p => p.Name == SyntheticCheckBuilderExtensions.ChecksProperty).Add(new ResourcePropertySnapshot(SyntheticCheckBuilderExtensions.ChecksProperty, summary)),
        });
    }

    // The service's first HTTP endpoint, and whether it speaks HTTP/2 only (a gRPC service: HTTP/1.1 gets no answer).
    private static (Uri Url, bool Http2Only)? BaseUrlOf(IResource resource)
    {
        if (resource is not IResourceWithEndpoints withEndpoints
            || withEndpoints.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.UriScheme is "http" or "https") is not { AllocatedEndpoint: { } allocated } endpoint)
        {
            return null;
        }

        return (new Uri(allocated.UriString), PreviewResources.SpeaksHttp2Only(resource, endpoint));
    }
}
