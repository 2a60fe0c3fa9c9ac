using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Environments;

namespace Aspire.Hosting;

/// <summary>
/// Stops the environment when its time to live passes, even when nobody runs <c>-t:PreviewDown</c>: it re-reads
/// the record <c>-t:Preview</c> wrote (<c>environment.json</c>, so <c>-t:PreviewExtend</c> and keep apply to a
/// running environment), and once <c>expiresAt</c> passed it marks the record expired and stops the app host, which
/// stops every resource. Once stopped, it stops whatever is left and deletes the state folder and the data.
/// </summary>
/// <remarks>
/// Started by F5 or <c>dotnet run</c> there is no record and nothing expires. A check is one small file read, so
/// checking every second costs nothing and lets a time to live of seconds (tests) work.
/// </remarks>
internal sealed class ExpiryWatcher(PreviewRuntime runtime, IHostApplicationLifetime lifetime, ILogger<ExpiryWatcher> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (EnvironmentExpiry.TryBegin(runtime.StateDirectory, runtime.EnvironmentId, DateTimeOffset.UtcNow) is { } environmentLock)
                {
                    logger.LogWarning("Preview environment '{Name}' reached the end of its time to live; it stops itself and deletes its state.", runtime.Name);
                    // Registered before stopping, so it runs once every resource has stopped.
                    lifetime.ApplicationStopped.Register(() => Finish(environmentLock));
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping for another reason.
        }
    }

    private void Finish(RegistryLock environmentLock)
    {
        if (EnvironmentExpiry.Finish(runtime.StateDirectory, runtime.EnvironmentId, environmentLock))
        {
            logger.LogInformation("Preview environment '{Name}' expired and is gone.", runtime.Name);
        }
        else
        {
            logger.LogError("Preview environment '{Name}' expired, but some of its processes survived; the next PreviewList, Preview, PreviewDown or PreviewExtend cleans them up.", runtime.Name);
        }
    }
}
