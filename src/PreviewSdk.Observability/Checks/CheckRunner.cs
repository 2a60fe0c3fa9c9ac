using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Headers;
using System.Text;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Observability.Checks;

/// <summary>
/// Runs a <see cref="CheckEntry"/> once against a service's address and judges the answer. It never throws for
/// what the service does (refuses, hangs, answers garbage): that is the result.
/// </summary>
public static class CheckRunner
{
    /// <summary>How long a check without <c>maxLatency</c> waits for its answer before it counts as no answer.</summary>
    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(30);

    // Enough of a page to find a phrase in, without reading a download into memory.
    private const int MaxBodyChars = 1 << 20;

    /// <summary>
    /// A client for checks: redirects are not followed (a check judges the answer it gets, a 302 included) and
    /// connections are not kept for long, since a check runs once a minute. Through <paramref name="gateway"/> when
    /// given: a request to a link under <c>localhost</c> goes to the gateway's address at the link's port (the links'
    /// host names need not resolve), and every request carries the access token in the <c>X-Preview-Token</c> header,
    /// never in the URL that reports quote.
    /// </summary>
    public static HttpClient CreateClient(GatewayRoute? gateway = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(15),
            UseCookies = false,
        };
        if (gateway is not null)
        {
            var address = IPEndPoint.Parse(gateway.Endpoint).Address;
            handler.UseProxy = false;
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                // A link under localhost (the default domain) is the gateway on this machine, at the link's port (the
                // gateway's, or its HTTP/2 port); any other (a domain, a public URL) is reached as its URL says.
                EndPoint target = GatewayRoute.IsLocal(context.DnsEndPoint.Host)
                    ? new IPEndPoint(address, context.DnsEndPoint.Port)
                    : context.DnsEndPoint;
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(target, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        if (gateway?.Token is { } token)
        {
            client.DefaultRequestHeaders.Add(GatewayRoute.TokenHeader, token);
        }

        return client;
    }

    /// <summary>
    /// Sends the check's request to <paramref name="baseUrl"/> + its path and judges the answer; over HTTP/2 with
    /// prior knowledge when <paramref name="http2Only"/> (a gRPC service's port: without TLS, HTTP/1.1 gets no answer).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<CheckResult> RunAsync(HttpClient client, Uri baseUrl, CheckEntry check, CancellationToken cancellationToken, bool http2Only = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(check);
        var url = new Uri(baseUrl, check.Path.Value);
        var at = DateTimeOffset.UtcNow;
        // Past maxLatency the answer cannot pass any more: stop waiting a little after it.
        var limit = check.MaxLatency is { } latency ? latency + TimeSpan.FromMilliseconds(250) : RequestTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var request = CreateRequest(check, url, http2Only);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadBodyAsync(response, timeout.Token);
            stopwatch.Stop();
            var status = (int)response.StatusCode;
            var outcome = status != check.ExpectedStatus ? CheckOutcome.WrongStatus
                : check.BodyContains is { } text && !body.Contains(text, StringComparison.Ordinal) ? CheckOutcome.BodyMismatch
                : check.MaxLatency is { } max && stopwatch.Elapsed > max ? CheckOutcome.TooSlow
                : CheckOutcome.Passed;
            return new CheckResult(check, url, outcome, stopwatch.Elapsed, at) { Status = status, BodyExcerpt = Excerpt(body) };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            stopwatch.Stop();
            return check.MaxLatency is { } max
                ? new CheckResult(check, url, CheckOutcome.TooSlow, stopwatch.Elapsed, at)
                : new CheckResult(check, url, CheckOutcome.NoAnswer, stopwatch.Elapsed, at) { Error = $"no answer within {CheckResult.Describe(RequestTimeout)}" };
        }
        catch (HttpRequestException e)
        {
            stopwatch.Stop();
            return new CheckResult(check, url, CheckOutcome.NoAnswer, stopwatch.Elapsed, at) { Error = OneLine(e) };
        }
    }

    private static HttpRequestMessage CreateRequest(CheckEntry check, Uri url, bool http2Only)
    {
        var request = new HttpRequestMessage(new HttpMethod(check.Method), url);
        if (http2Only)
        {
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }

        if (check.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = null;
        }

        foreach (var (name, value) in check.Headers)
        {
            // Content-Type and its kind belong to the body; without a body they have nothing to describe.
            if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is not null)
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (request.Content is { Headers.ContentType: null } content)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        }

        return request;
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var body = new StringBuilder();
        var buffer = new char[16 * 1024];
        int count;
        while (body.Length < MaxBodyChars && (count = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            body.Append(buffer, 0, count);
        }

        return body.ToString();
    }

    private static string Excerpt(string body)
    {
        // One line, whitespace runs collapsed, as a message quotes it.
        var flat = string.Join(' ', body.Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= CheckResult.BodyExcerptLength ? flat : flat[..CheckResult.BodyExcerptLength] + "…";
    }

    // The innermost message says what happened ("Connection refused"); the outer ones only that a request failed.
    private static string OneLine(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message.ReplaceLineEndings(" ").Trim();
    }
}
