using System.Net;
using System.Text;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Observability.Alerts;

/// <summary>
/// Posts alerts to one webhook: retries a failure (no answer, 408, 429, 5xx) with backoff, and logs every failed
/// attempt (PREVIEW6020) and a delivery it gave up on (PREVIEW6021). It never throws for what the receiver does: an
/// unreachable Slack must not stop an environment.
/// </summary>
public sealed class WebhookSender(HttpClient client, RetryPolicy policy, Action<PreviewDiagnostic> log)
{
    /// <summary>How long one attempt waits for the receiver.</summary>
    public static TimeSpan AttemptTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Posts <paramref name="message"/>; true once the receiver accepted it (2xx), false after giving up.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the app host stops).</exception>
    public async Task<bool> SendAsync(WebhookEntry webhook, AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(message);
        var body = AlertPayloads.Render(message, webhook.Format);
        var address = Redacted(webhook.Url.Value);
        for (var attempt = 1; ; attempt++)
        {
            var (failure, retryAfter, permanent) = await PostAsync(webhook.Url.Value, body, cancellationToken);
            if (failure is null)
            {
                return true;
            }

            if (permanent || attempt >= policy.Attempts)
            {
                log(DiagnosticFactory.Create(DiagnosticCodes.WebhookDeliveryFailed, DiagnosticSeverity.Warning, SourceLocation.WholeFile(string.Empty),
                    message.Kind, message.IncidentId, address, attempt, failure));
                return false;
            }

            var delay = policy.DelayAfter(attempt, retryAfter);
            log(DiagnosticFactory.Create(DiagnosticCodes.WebhookAttemptFailed, DiagnosticSeverity.Warning, SourceLocation.WholeFile(string.Empty),
                message.Kind, message.IncidentId, address, $"attempt {attempt} of {policy.Attempts}", failure, Checks.CheckResult.Describe(delay)));
            await Task.Delay(delay, cancellationToken);
        }
    }

    /// <summary>
    /// A webhook address as logs may show it: scheme, host and port, since the path of a Slack or chat webhook is its
    /// secret.
    /// </summary>
    public static string Redacted(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/…" : "(invalid address)";

    private async Task<(string? Failure, TimeSpan? RetryAfter, bool Permanent)> PostAsync(string url, string body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(url, content, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return (null, null, false);
            }

            var status = (int)response.StatusCode;
            var retryAfter = response.Headers.RetryAfter?.Delta;
            // A 4xx other than 408 and 429 says the request itself is wrong (a revoked Slack hook answers 404 or 410):
            // the same request again cannot succeed.
            var permanent = status is >= 400 and < 500 and not 408 and not 429;
            return ($"the receiver answered {status} {(Enum.IsDefined((HttpStatusCode)status) ? (HttpStatusCode)status : string.Empty)}".TrimEnd(), retryAfter, permanent);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ($"no answer within {Checks.CheckResult.Describe(AttemptTimeout)}", null, false);
        }
        catch (HttpRequestException e)
        {
            return (e.InnerException?.Message ?? e.Message, null, false);
        }
    }
}
