using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Net.Sockets;

namespace PreviewSdk.Observability.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port (HttpListener), answering with a handler per request and keeping
/// every request it got: the service a check calls, or the webhook an alert is posted to. Linked into the hosting and
/// end-to-end tests too.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<ReceivedRequest, Task<Answer>> handler;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public LoopbackServer(Func<ReceivedRequest, Task<Answer>> handler)
    {
        this.handler = handler;
        for (var attempt = 1; ; attempt++)
        {
            // A free port can be taken between asking and binding; take another then.
            Url = new Uri($"http://127.0.0.1:{FreePort()}/");
            listener.Prefixes.Clear();
            listener.Prefixes.Add(Url.ToString());
            try
            {
                listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        loop = Task.Run(ServeAsync);
    }

    public LoopbackServer(Func<ReceivedRequest, Answer> handler)
        : this(request => Task.FromResult(handler(request)))
    {
    }

    public Uri Url { get; }

    /// <summary>Every request received so far, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Waits until <paramref name="count"/> requests have come in (generous: the machine is shared).</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Requests.ToList();
    }

    /// <summary>A port no one listens on now (the OS's pick for port 0); also linked into test projects without Core.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept.
        }

        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = new ReceivedRequest(
            context.Request.HttpMethod,
            context.Request.Url!.PathAndQuery,
            context.Request.Headers.AllKeys.OfType<string>().ToDictionary(key => key, key => context.Request.Headers[key] ?? string.Empty, StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync(),
            DateTimeOffset.UtcNow);
        Requests.Enqueue(request);
        try
        {
            var answer = await handler(request);
            context.Response.StatusCode = answer.Status;
            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, stopping.Token);
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, stopping.Token);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the server is stopping.
        }
    }
}

/// <summary>A request the server received.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);

/// <summary>What the server answers.</summary>
internal sealed record Answer(int Status, string Body = "", TimeSpan Delay = default);
