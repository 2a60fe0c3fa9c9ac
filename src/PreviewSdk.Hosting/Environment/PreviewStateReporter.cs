using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;

namespace Aspire.Hosting;

/// <summary>
/// Mirrors the environment's resource states into the state folder and, once every resource is healthy, writes
/// the ready report and the links. <c>-t:Preview</c> waits on these files; they outlive the app host, so a
/// failed or killed environment can still be explained and cleaned up.
/// </summary>
internal sealed class PreviewStateReporter(
    PreviewRuntime runtime,
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    IConfiguration configuration,
    ResourceLogRecorder recorder,
    ResourceLimitsEnforcer limits,
    EnvironmentReadiness environmentReadiness,
    ILogger<PreviewStateReporter> logger)
{
    private static readonly HashSet<string> FailedStates = [KnownResourceStates.FailedToStart, KnownResourceStates.Exited, KnownResourceStates.Finished];
    private readonly ConcurrentDictionary<string, ResourceStatus> statuses = new();
    private readonly ConcurrentDictionary<string, bool> readiness = new();
    private readonly HashSet<string> hidden = [];
    private List<IResource> resources = [];
    private bool ready;
    private string? failedResource;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(runtime.StateDirectory);
        DeleteStaleReports();
        resources = model.Resources.Where(PreviewResources.IsRunnable).ToList();
        foreach (var resource in resources)
        {
            statuses[resource.Name] = new ResourceStatus { Name = resource.Name, Type = resource.GetType().Name };
            readiness[resource.Name] = false;
        }

        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                await ObserveAsync(update);
            }
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping.
        }
    }

    private async Task ObserveAsync(ResourceEvent update)
    {
        var name = update.Resource.Name;
        if (!statuses.ContainsKey(name))
        {
            return;
        }

        var snapshot = update.Snapshot;
        if (snapshot.IsHidden)
        {
            // Aspire's helpers (such as a project's rebuilder) never start unless asked; nobody waits for them.
            hidden.Add(name);
        }

        var status = ToStatus(update);
        statuses[name] = status;
        readiness[name] = IsReady(snapshot) || FinishedWell(update);
        WriteResources();
        if (status.State is { } state && FailedStates.Contains(state) && !FinishedWell(update))
        {
            // Before ready this ends the start; after it (a worker without health check that crashes a moment
            // after starting) it is what PreviewList reports as degraded. Its log goes first: the failure report
            // is what -t:Preview waits for, and it then shows that log.
            await recorder.CaptureAsync(update.Resource);
            WriteFailure(status);
        }
        else if (ready && readiness[name] && failedResource == name)
        {
            // It runs again (started from the dashboard): the environment is no longer degraded.
            failedResource = null;
            File.Delete(Path.Combine(runtime.StateDirectory, StateFiles.Failed));
        }
        else if (!ready && readiness.Where(entry => !hidden.Contains(entry.Key)).All(entry => entry.Value))
        {
            ready = true;
            recorder.EnvironmentReady = true;
            WriteReady();
        }
    }

    // A seeding is done, not failed, when it finished with exit code 0.
    private static bool FinishedWell(ResourceEvent update) =>
        update.Resource is PreviewSeedResource
        && update.Snapshot.State?.Text == KnownResourceStates.Finished
        && update.Snapshot.ExitCode == 0;

    // Running, and healthy by every health check it has; a resource without checks is ready once running.
    private static bool IsReady(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running
        && (snapshot.HealthStatus == HealthStatus.Healthy || (snapshot.HealthStatus is null && snapshot.HealthReports.IsEmpty));

    private static ResourceStatus ToStatus(ResourceEvent update)
    {
        var snapshot = update.Snapshot;
        var processIds = ResourceProcessIds.Of(snapshot);
        return new ResourceStatus
        {
            Name = update.Resource.Name,
            Type = snapshot.ResourceType,
            State = snapshot.State?.Text,
            Health = snapshot.HealthStatus?.ToString(),
            ExitCode = snapshot.ExitCode,
            Urls = snapshot.Urls.Where(url => !url.IsInternal && !url.IsInactive).Select(url => url.Url).ToList(),
            ProcessIds = processIds,
        };
    }

    private void WriteResources() =>
        StateJson.Write(Path.Combine(runtime.StateDirectory, StateFiles.Resources), new ResourcesReport
        {
            UpdatedAt = DateTimeOffset.UtcNow,
            Resources = resources.Where(resource => !hidden.Contains(resource.Name)).Select(resource => statuses[resource.Name]).ToList(),
        });

    private void WriteFailure(ResourceStatus status)
    {
        var reason = status.ExitCode is { } code
            ? $"'{status.Name}' {status.State} with exit code {code}."
            : $"'{status.Name}' {status.State}.";
        logger.LogError("Preview environment '{Name}' cannot become ready: {Reason}", runtime.Name, reason);
        failedResource = status.Name;
        StateJson.Write(Path.Combine(runtime.StateDirectory, StateFiles.Failed), new FailureReport
        {
            Resource = status.Name,
            State = status.State ?? "Unknown",
            Reason = reason,
        });
    }

    private void WriteReady()
    {
        var dashboardUrl = (configuration["ASPNETCORE_URLS"] ?? string.Empty).Split(';')[0].TrimEnd('/');
        var token = configuration["AppHost:BrowserToken"];
        var report = new ReadyReport
        {
            ReadyAt = DateTimeOffset.UtcNow,
            DashboardUrl = dashboardUrl,
            DashboardLoginUrl = string.IsNullOrEmpty(token) ? dashboardUrl : $"{dashboardUrl}/login?t={token}",
            Resources = resources.Where(resource => !hidden.Contains(resource.Name)).Select(resource => statuses[resource.Name]).ToList(),
        };
        var links = EnvironmentLinks.From(runtime.Name, runtime.Profile, report) with
        {
            Data = model.Resources.OfType<PreviewSeedResource>()
                .Where(seed => seed.Summary is not null)
                .Select(seed => new SeededDatabase(seed.Parent.DatabaseName, seed.Summary!.Seed, seed.Summary.Tables.Count, seed.Summary.TotalRows))
                .ToList(),
            Limits = limits.Applied,
        };
        EnvironmentLinks.Write(runtime.StateDirectory, links);
        // Last: its presence is the signal that everything above is in place.
        StateJson.Write(Path.Combine(runtime.StateDirectory, StateFiles.Ready), report);
        logger.LogInformation("{Links}", LinksRenderer.RenderTable(links, "is ready"));
        environmentReadiness.MarkReady();
    }

    private void DeleteStaleReports()
    {
        foreach (var file in new[] { StateFiles.Ready, StateFiles.Failed, StateFiles.Resources, StateFiles.LinksJson, StateFiles.LinksMarkdown })
        {
            File.Delete(Path.Combine(runtime.StateDirectory, file));
        }
    }
}
