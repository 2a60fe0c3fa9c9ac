using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Environments;

namespace Aspire.Hosting;

/// <summary>
/// The app host's end of <see cref="ServiceRestartChannel"/>: a repeated <c>-t:Preview</c> rebuilt some services and
/// asks for them to be restarted, so they run their new build. Each is restarted with Aspire's own Restart command
/// (every replica; Aspire starts the project's output again, which the build has just replaced) and counted back
/// once every replica runs healthy; then the answer is written.
/// </summary>
/// <remarks>A look for the request file is one stat every half second, so the idle cost is nothing to speak of.</remarks>
internal sealed class RestartRequestWatcher(PreviewRuntime runtime, IServiceProvider services, ResourceLoggerService resourceLoggers, ILogger<RestartRequestWatcher> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (ServiceRestartChannel.Take(runtime.StateDirectory) is { } request)
                {
                    ServiceRestartChannel.Answer(runtime.StateDirectory, await RestartAsync(request, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping; a build waiting for an answer sees it exit.
        }
    }

    private async Task<ServiceRestartChannel.Result> RestartAsync(ServiceRestartChannel.Request request, CancellationToken stoppingToken)
    {
        var model = services.GetRequiredService<DistributedApplicationModel>();
        var timeout = TimeSpan.FromSeconds(Math.Max(1, request.TimeoutSeconds));
        var outcomes = await Task.WhenAll(request.Services.Select(async service =>
        {
            if (model.Resources.FirstOrDefault(resource => resource.Name == service) is not { } resource)
            {
                return (Service: service, Error: (string?)$"'{service}' is not a resource of this environment.");
            }

            var log = resourceLoggers.GetLogger(resource);
            log.LogInformation("Restarting '{Service}': -t:Preview rebuilt it.", service);
            try
            {
                await ServiceRestart.RunAsync(services, service, timeout, stoppingToken);
                log.LogInformation("'{Service}' runs its new build.", service);
                return (Service: service, Error: (string?)null);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                logger.LogWarning("Restarting '{Service}' for -t:Preview failed: {Message}", service, e.Message);
                return (Service: service, Error: (string?)e.Message);
            }
        }));
        return new ServiceRestartChannel.Result(
            request.Id,
            [.. outcomes.Where(outcome => outcome.Error is null).Select(outcome => outcome.Service)],
            outcomes.Where(outcome => outcome.Error is not null).ToDictionary(outcome => outcome.Service, outcome => outcome.Error!, StringComparer.Ordinal));
    }
}
