using PreviewSdk.Core.Health;

namespace PreviewSdk.Seeding.MigrationWait;

/// <summary>
/// Whether a migrating service has settled, seen from outside through its health URL: it answers 2xx and its body
/// does not say Degraded (<see cref="HealthStatusBody"/>). The seeding Job of the Kubernetes target has only this;
/// the local app host knows each instance's state. Polls in the background until disposed, for
/// <see cref="MigrationsDoneWait"/>'s synchronous question.
/// </summary>
public sealed class HealthEndpointProbe : IDisposable
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource stop = new();
    private readonly Action<string> progress;
    private volatile bool settled;
    private int disposed;
    private string? lastAnswer;

    /// <summary>Starts polling <paramref name="url"/>.</summary>
    /// <param name="url">The service's health URL.</param>
    /// <param name="progress">Receives a line whenever the answer changes.</param>
    /// <param name="interval">Time between probes; a second when null.</param>
    public HealthEndpointProbe(Uri url, Action<string> progress, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        this.progress = progress ?? throw new ArgumentNullException(nameof(progress));
        _ = PollAsync(url, interval ?? DefaultInterval, stop.Token);
    }

    /// <summary>True once the last probe was answered 2xx with no Degraded body.</summary>
    public bool IsSettled => settled;

    /// <summary>Stops polling; the probe in flight ends, and the loop then releases the client.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            stop.Cancel();
        }
    }

    private async Task PollAsync(Uri url, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await PollUntilStoppedAsync(url, interval, cancellationToken);
        }
        finally
        {
            client.Dispose();
            stop.Dispose();
        }
    }

    private async Task PollUntilStoppedAsync(Uri url, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string answer;
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                var status = await HealthStatusBody.ReadAsync(response, cancellationToken);
                settled = response.IsSuccessStatusCode && status != HealthStatusBody.Degraded;
                answer = $"{url} answered {(int)response.StatusCode}{(status is null ? string.Empty : $" ({status})")}.";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                settled = false;
                answer = $"{url} does not answer yet.";
            }

            if (answer != lastAnswer)
            {
                lastAnswer = answer;
                progress(answer);
            }

            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
