using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Observability.Telemetry;

/// <summary>
/// Follows the error logs the services send to the environment's dashboard, through its telemetry HTTP API
/// (<c>GET /api/telemetry/logs?severity=Error&amp;follow=true</c>, NDJSON): the dashboard already receives and parses every
/// service's OTLP telemetry, and streams only the records at or above Error, so counting them here costs nothing per
/// request the services serve. Reconnects with backoff when the stream breaks; never yields a record twice.
/// </summary>
public sealed class DashboardErrorLogs(HttpClient client, Uri dashboard, string apiKey, Action<PreviewDiagnostic> log)
{
    /// <summary>The path of the logs endpoint of the dashboard's telemetry API.</summary>
    public const string LogsPath = "api/telemetry/logs?severity=Error&follow=true";

    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The error records written at or after <paramref name="since"/>, as the dashboard gets them, until
    /// <paramref name="cancellationToken"/> is cancelled or the API says it will not serve (no such API, wrong key).
    /// </summary>
    public async IAsyncEnumerable<TelemetryLogRecord> FollowAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var latest = since;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (stream, refusal) = await OpenAsync(cancellationToken);
            if (refusal is not null)
            {
                log(refusal);
                yield break;
            }

            if (stream is not null)
            {
                failures = 0;
                using var reader = new StreamReader(stream);
                while (await ReadLineAsync(reader, cancellationToken) is { } line)
                {
                    foreach (var record in ParseQuietly(line))
                    {
                        // A reconnect replays the dashboard's snapshot first: skip what was before or already seen.
                        if (record.At < latest.AddSeconds(-1) || !seen.Add($"{record.Service}/{record.Id}/{record.At.UtcTicks}"))
                        {
                            continue;
                        }

                        latest = record.At > latest ? record.At : latest;
                        yield return record;
                    }

                    if (seen.Count > 10_000)
                    {
                        seen.Clear();
                    }
                }
            }

            failures++;
            var wait = TimeSpan.FromSeconds(Math.Min(LongestWait.TotalSeconds, Math.Pow(2, Math.Min(failures, 5))));
            await Task.Delay(wait, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<(Stream? Stream, PreviewDiagnostic? Refusal)> OpenAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(dashboard, LogsPath));
        request.Headers.Add("X-API-Key", apiKey);
        try
        {
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadAsStreamAsync(cancellationToken), null);
            }

            var status = response.StatusCode;
            response.Dispose();
            return status is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? (null, Unavailable($"answers {(int)status} {status} at /{LogsPath}"))
                : (null, null);
        }
        catch (HttpRequestException)
        {
            // The dashboard restarts, or is not up yet: try again.
            return (null, null);
        }
        finally
        {
            request.Dispose();
        }
    }

    private PreviewDiagnostic Unavailable(string why) =>
        DiagnosticFactory.Create(DiagnosticCodes.TelemetryUnavailable, DiagnosticSeverity.Warning, SourceLocation.WholeFile(string.Empty), dashboard, why);

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return null;
        }
    }

    private static IReadOnlyList<TelemetryLogRecord> ParseQuietly(string line)
    {
        try
        {
            return line.Length == 0 ? [] : TelemetryLogRecord.Parse(line);
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
