using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Environments;

namespace Aspire.Hosting;

/// <summary>
/// Copies a resource's console log into <c>logs/&lt;resource&gt;.log</c> of the state folder, so a failed start
/// can show the last lines of the failing resource after the app host is gone.
/// </summary>
/// <remarks>
/// Recording is lazy: Aspire streams a resource's log from the orchestrator only while someone watches it, and
/// watching every resource from the start costs the start itself CPU on a small machine. A subscription gets the
/// log from its first line, so nothing is lost by starting late: a resource's log is captured when it fails, and
/// the logs of every resource when the environment is still not ready halfway to <c>-t:Preview</c>'s timeout
/// (<see cref="PreviewVariables.Timeout"/>), in time for the timeout error to show them.
/// </remarks>
internal sealed class ResourceLogRecorder(
    PreviewRuntime runtime,
    DistributedApplicationModel model,
    ResourceLoggerService loggers)
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan LongestCapture = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, Recording> recordings = new(StringComparer.Ordinal);
    private CancellationToken stopping;

    /// <summary>Set once every resource is ready: from then on only failures are captured.</summary>
    public bool EnvironmentReady { get; set; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        if (runtime.Timeout is not { } timeout)
        {
            return;
        }

        try
        {
            await Task.Delay(timeout / 2, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!EnvironmentReady)
        {
            foreach (var resource in model.Resources.Where(PreviewResources.IsRunnable))
            {
                _ = CaptureAsync(resource);
            }
        }
    }

    /// <summary>
    /// Starts recording <paramref name="resource"/>'s log (from its first line) unless it is already recorded, and
    /// completes once what was logged so far is in the file: when no line came for a moment, or after a few seconds.
    /// </summary>
    public Task CaptureAsync(IResource resource)
    {
        var recording = recordings.GetOrAdd(resource.Name, _ => Start(resource));
        return recording.SettledAsync();
    }

    private Recording Start(IResource resource)
    {
        var folder = Path.Combine(runtime.StateDirectory, StateFiles.LogsFolder);
        Directory.CreateDirectory(folder);
        var recording = new Recording();
        _ = recording.RunAsync(loggers.WatchAsync(resource), Path.Combine(folder, resource.Name + ".log"), stopping);
        return recording;
    }

    private sealed class Recording
    {
        private readonly DateTime startedAt = DateTime.UtcNow;
        private long lastActivityTicks = DateTime.UtcNow.Ticks;

        public async Task RunAsync(IAsyncEnumerable<IReadOnlyList<LogLine>> lines, string path, CancellationToken cancellationToken)
        {
            try
            {
                await using var writer = new StreamWriter(path, append: false) { AutoFlush = true };
                await foreach (var batch in lines.WithCancellation(cancellationToken))
                {
                    foreach (var line in batch)
                    {
                        await writer.WriteLineAsync(line.Content);
                    }

                    Interlocked.Exchange(ref lastActivityTicks, DateTime.UtcNow.Ticks);
                }
            }
            catch (OperationCanceledException)
            {
                // The app host is stopping; the log is complete.
            }
        }

        public async Task SettledAsync()
        {
            while (DateTime.UtcNow - startedAt < LongestCapture
                && DateTime.UtcNow - new DateTime(Interlocked.Read(ref lastActivityTicks), DateTimeKind.Utc) < QuietPeriod)
            {
                await Task.Delay(100);
            }
        }
    }
}
