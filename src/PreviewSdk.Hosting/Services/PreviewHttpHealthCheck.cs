using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>
/// The readiness probe of a web service: a GET of its health path that answers with what it saw, URL and status
/// included (<c>GET http://localhost:41234/health answered 404 Not Found</c>), which is what a timeout reports.
/// </summary>
/// <remarks>
/// An endpoint that speaks only HTTP/2 (gRPC services: Kestrel's <c>Protocols: Http2</c>) cannot answer an HTTP/1.1
/// request, and there is no upgrade on plain HTTP. Unless told the endpoint speaks HTTP/2, the probe sends HTTP/1.1
/// and, when the answer is a 400 (what Kestrel answers then) or not HTTP/1.1 at all, asks again with HTTP/2 (prior
/// knowledge), and keeps HTTP/2 when that is answered.
/// </remarks>
internal sealed class PreviewHttpHealthCheck(EndpointReference endpoint, string path, bool http2Only, ServiceHealthStates states) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    // One client for every probe of the check: a probe is a request, not a new connection pool.
    private readonly HttpClient client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = ProbeTimeout,
    };

    private readonly bool declaredHttp2 = http2Only;
    private bool speaksHttp2 = http2Only;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.Exists || await endpoint.GetValueAsync(cancellationToken) is not { } baseUrl)
        {
            return HealthCheckResult.Unhealthy($"the endpoint '{endpoint.EndpointName}' has no address yet");
        }

        var uri = new Uri(new Uri(baseUrl, UriKind.Absolute), path);
        try
        {
            var (result, status) = await ProbeAsync(uri, cancellationToken);
            // Kestrel answers an HTTP/1.x request to an HTTP/2-only endpoint with 400.
            return status == HttpStatusCode.BadRequest && !speaksHttp2 && await TryHttp2Async(uri, cancellationToken) is { } http2 ? http2 : result;
        }
        catch (HttpRequestException e) when (!speaksHttp2 && e.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded or HttpRequestError.HttpProtocolError)
        {
            // Not an HTTP/1.1 answer: other HTTP/2-only servers close such a connection or answer with HTTP/2 frames.
            return await TryHttp2Async(uri, cancellationToken) ?? HealthCheckResult.Unhealthy($"GET {uri} failed: {Reason(e)}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"GET {uri}{(speaksHttp2 ? " (HTTP/2)" : string.Empty)} failed: {Reason(e)}");
        }
    }

    // Asks again with HTTP/2; keeps HTTP/2 when the endpoint answers it, else null (and HTTP/1.1 stays).
    private async Task<HealthCheckResult?> TryHttp2Async(Uri uri, CancellationToken cancellationToken)
    {
        speaksHttp2 = true;
        try
        {
            return (await ProbeAsync(uri, cancellationToken)).Result;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            speaksHttp2 = false;
            return null;
        }
    }

    private async Task<(HealthCheckResult Result, HttpStatusCode Status)> ProbeAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri)
        {
            Version = speaksHttp2 ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = speaksHttp2 ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrLower,
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var protocol = speaksHttp2 && !declaredHttp2 ? " (HTTP/2 only: set protocol: http2 for the service in preview.yaml)" : speaksHttp2 ? " (HTTP/2)" : string.Empty;
        var reported = await PreviewSdk.Core.Health.HealthStatusBody.ReadAsync(response, cancellationToken);
        states.Record(endpoint.Resource.Name, reported);
        var answer = $"GET {uri}{protocol} answered {(int)response.StatusCode} {Describe(response.StatusCode)}{(reported is null ? string.Empty : $" ({reported})")}";
        return (response.IsSuccessStatusCode ? HealthCheckResult.Healthy(answer) : HealthCheckResult.Unhealthy(answer), response.StatusCode);
    }

    // NotFound → "Not Found", OK → "OK" (HTTP/2 has no reason phrase to take instead).
    private static string Describe(HttpStatusCode status)
    {
        var name = status.ToString();
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]) ? " " + c : c.ToString()));
    }

    private static string Reason(Exception e) => e switch
    {
        TaskCanceledException => $"no answer within {ProbeTimeout.TotalSeconds:0} s",
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "connection refused (nothing listens there yet)",
        _ => e.Message,
    };
}
