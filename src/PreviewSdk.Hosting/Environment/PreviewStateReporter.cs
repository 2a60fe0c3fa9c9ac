using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Sharing;
using Microsoft.Extensions.DependencyInjection;

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
    IServiceProvider services,
    RestartSupervisor restarts,
    DependencyHealth dependencyHealth,
    ILogger<PreviewStateReporter> logger)
{
    private static readonly HashSet<string> FailedStates = [KnownResourceStates.FailedToStart, KnownResourceStates.Exited, KnownResourceStates.Finished];
    private readonly ConcurrentDictionary<string, ResourceStatus> statuses = new();
    private readonly ConcurrentDictionary<string, bool> readiness = new();
    private readonly HashSet<string> hidden = [];
    private List<IResource> resources = [];
    private bool ready;
    private EnvironmentLinks? links;

    /// <summary>True once every resource was ready (and the links were written).</summary>
    public bool EnvironmentReady => ready;

    /// <summary>Every resource's latest status, in model order (hidden helpers left out).</summary>
    public IReadOnlyList<ResourceStatus> Current =>
        resources.Where(resource => !hidden.Contains(resource.Name) && statuses.ContainsKey(resource.Name)).Select(resource => statuses[resource.Name]).ToList();

    /// <summary>What each seeded database of the model got, once its seeding finished.</summary>
    public IReadOnlyList<SeededDatabase> SeededData() =>
        model.Resources.OfType<PreviewSeedResource>()
            .Where(seed => seed.Summary is not null)
            .Select(seed => new SeededDatabase(seed.DatabaseName, seed.Summary!.Seed, seed.Summary.Tables.Count, seed.Summary.TotalRows) { Warnings = seed.Warnings, Source = seed.Source })
            .ToList();

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

        var status = ToStatus(update) with { WaitsFor = WaitsFor(update.Resource) };
        statuses[name] = status;
        // A seeding is ready only once it finished well: Aspire passes a container's state on to the children of its
        // database (the seeding too), so "Running" says nothing about the seeding of a container's database.
        readiness[name] = update.Resource is PreviewSeedResource ? FinishedWell(update) : IsReady(snapshot);
        WriteResources();
        var failed = status.State is { } state && FailedStates.Contains(state) && !FinishedWell(update);
        if (failed)
        {
            // Its log goes first: the failure report is what -t:Preview waits for, and it then shows that log.
            // After ready the log shows what made it stop; the restart supervisor decides what happens next.
            await recorder.CaptureAsync(update.Resource);
        }

        if (failed && !ready)
        {
            var template = await Task.Run(() => ClonedTemplates.DiscardFor(update.Resource, runtime));
            WriteFailure(status, template);
        }
        else if (!ready && AllReady())
        {
            ready = true;
            recorder.EnvironmentReady = true;
            restarts.EnvironmentReady = true;
            dependencyHealth.EnvironmentReady = true;
            WriteReady();
        }
        else if (ready)
        {
            KeepLinksCurrent();
        }
    }

    private bool AllReady() => readiness.Where(entry => !hidden.Contains(entry.Key)).All(entry => entry.Value);

    // After ready, a link follows its service: down while it is stopped, restarting or unhealthy, up again after.
    // The files are rewritten only when a link's state changes; a recovered environment loses its failure report.
    private void KeepLinksCurrent()
    {
        if (links is null)
        {
            return;
        }

        // The file, not the links written at ready: -t:PreviewRotateToken (a new token), -t:PreviewSeed and the
        // dashboard's Reseed and Reset (new data rows) rewrite it since, and none of that may be written back.
        links = EnvironmentLinks.Update(runtime.StateDirectory, written =>
        {
            var current = WithStates(written);
            return current.Services.Select(link => link.State).SequenceEqual(written.Services.Select(link => link.State)) ? written : current;
        }) ?? links;
        if (AllReady())
        {
            File.Delete(Path.Combine(runtime.StateDirectory, StateFiles.Failed));
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
            HealthChecks = snapshot.HealthReports
                .Select(report => new HealthCheckAnswer(report.Name, report.Status?.ToString(), report.Description ?? FirstLine(report.ExceptionText)))
                .ToList(),
        };
    }

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].Trim();

    // What keeps the resource from starting (Aspire's WaitFor), or a seeding from seeding: so a timeout can tell
    // the resources at fault from those only waiting for them.
    private static IReadOnlyList<string> WaitsFor(IResource resource)
    {
        var waits = resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name);
        if (resource is PreviewSeedResource seed)
        {
            waits = waits.Append(seed.Parent.Name);
            if (seed.Entry.Migrations?.Service is { } service)
            {
                waits = waits.Append(service.Value);
            }
        }

        return waits.Distinct(StringComparer.Ordinal).ToList();
    }

    private void WriteResources() =>
        StateJson.Write(Path.Combine(runtime.StateDirectory, StateFiles.Resources), new ResourcesReport
        {
            UpdatedAt = DateTimeOffset.UtcNow,
            Resources = resources.Where(resource => !hidden.Contains(resource.Name)).Select(resource => statuses[resource.Name]).ToList(),
        });

    // templateNote: what became of the seeded-data template the resource's data was cloned from, if it was.
    private void WriteFailure(ResourceStatus status, string? templateNote)
    {
        var reason = status.ExitCode is { } code
            ? $"'{status.Name}' {status.State} with exit code {code}."
            : $"'{status.Name}' {status.State}.";
        if (templateNote is not null)
        {
            reason += " " + templateNote;
        }

        logger.LogError("Preview environment '{Name}' cannot become ready: {Reason}", runtime.Name, reason);
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
        var gateway = services.GetRequiredService<PreviewGatewayRunner>();
        var report = new ReadyReport
        {
            GatewayEndpoint = gateway.Endpoint,
            ReadyAt = DateTimeOffset.UtcNow,
            DashboardUrl = dashboardUrl,
            DashboardLoginUrl = string.IsNullOrEmpty(token) ? dashboardUrl : $"{dashboardUrl}/login?t={token}",
            Resources = resources.Where(resource => !hidden.Contains(resource.Name)).Select(resource => statuses[resource.Name]).ToList(),
        };
        // The links are the gateway's: host names on its port, the token only in the shared link.
        var addresses = gateway.Addresses ?? throw new InvalidOperationException("Every resource is ready, the gateway too, so it listens.");
        var accessToken = gateway.Settings.Auth == GatewayAuth.Token ? AccessTokenFile.Read(runtime.StateDirectory) : null;
        links = EnvironmentLinks.Through(addresses, accessToken, runtime.Name, runtime.Profile, report.ReadyAt, gateway.Services) with
        {
            Data = SeededData(),
            Limits = limits.Applied,
        };
        links = WithStates(links);
        EnvironmentLinks.Write(runtime.StateDirectory, links);
        // Last: its presence is the signal that everything above is in place.
        // Private too: it holds the dashboard's own login link.
        StateJson.WritePrivate(Path.Combine(runtime.StateDirectory, StateFiles.Ready), report);
        // Never the token in a log line.
        logger.LogInformation("{Links}", LinksRenderer.RenderTable(links.WithoutToken(), "is ready"));
        // Under F5 or dotnet run no build prints the links, so the console the developer watches gets the shared link,
        // as -t:Preview's output does. The console, not the logger, whose providers may send a line anywhere; an app
        // host that -t:Preview started (detached) writes its console into apphost.log, and prints nothing of the kind.
        if (!runtime.IsDetached && BuildLogLinks.SharedLinkLine(links) is { } sharedLink)
        {
            Console.Out.WriteLine(sharedLink);
        }
        environmentReadiness.MarkReady();
    }

    // Each link is up or down as its service last reported.
    private EnvironmentLinks WithStates(EnvironmentLinks current) => current with
    {
        Services = [.. current.Services.Select(link => link with { State = statuses.TryGetValue(link.Name, out var status) ? LinkStates.Of(status) : link.State })],
    };

    private void DeleteStaleReports()
    {
        foreach (var file in new[] { StateFiles.Ready, StateFiles.Failed, StateFiles.Resources, StateFiles.LinksJson, StateFiles.LinksMarkdown })
        {
            File.Delete(Path.Combine(runtime.StateDirectory, file));
        }
    }
}
