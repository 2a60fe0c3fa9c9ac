using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using PreviewSdk.Core.Environments;

namespace Aspire.Hosting;

/// <summary>
/// Copies every resource's console log into <c>logs/&lt;resource&gt;.log</c> of the state folder, so a failed
/// start can show the last lines of the failing resource after the app host is gone.
/// </summary>
internal sealed class ResourceLogRecorder(
    PreviewRuntime runtime,
    DistributedApplicationModel model,
    ResourceLoggerService loggers)
{
    public Task RunAsync(CancellationToken stoppingToken)
    {
        var folder = Path.Combine(runtime.StateDirectory, StateFiles.LogsFolder);
        Directory.CreateDirectory(folder);
        var recorders = model.Resources
            .Where(PreviewResources.IsRunnable)
            .Select(resource => RecordAsync(resource, Path.Combine(folder, resource.Name + ".log"), stoppingToken));
        return Task.WhenAll(recorders);
    }

    private async Task RecordAsync(IResource resource, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var writer = new StreamWriter(path, append: false) { AutoFlush = true };
            await foreach (var batch in loggers.WatchAsync(resource).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    await writer.WriteLineAsync(line.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping; the log is complete.
        }
    }
}
