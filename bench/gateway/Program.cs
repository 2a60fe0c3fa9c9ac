// The load client of `build/bench.sh gateway`. One process, one client (SocketsHttpHandler, keep-alive), the same
// request on both sides: GET <path> on shop-api's own endpoint ("direct") and through the environment's gateway by
// host name with a valid access cookie ("gateway"), in alternating phases so that both see the same machine.
//
//   throughput: --connections workers in a closed loop (each sends its next request when the last answered),
//               --seconds per phase, --rounds rounds of (direct, gateway); requests per second per side.
//   latency:    one worker, the same alternation; p50 and p99 per side. One request at a time, so a latency is the
//               path's own cost, not time queued behind other requests on a saturated 2-core machine.
//
// Prints each phase, then both summaries; the last line:
//   gateway: direct_rps=<a> gateway_rps=<b> ratio=<b/a> p99_added_ms=<gateway p99 - direct p99>
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

var options = Options.Parse(args);
using var client = new HttpClient(new SocketsHttpHandler
{
    UseProxy = false,
    UseCookies = false,
    AllowAutoRedirect = false,
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    // *.localhost is the loopback for browsers; .NET leaves it to the system resolver, so connect by hand.
    ConnectCallback = async (context, cancellationToken) =>
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
        return new NetworkStream(socket, ownsSocket: true);
    },
}) { Timeout = TimeSpan.FromSeconds(30) };

var (directUrl, gatewayUrl, sharedLink) = Environment.Read(options.State, options.Service);
var cookie = await SignInAsync(sharedLink);
var direct = new Side("direct", new Uri(directUrl, options.Path), null);
var gateway = new Side("gateway", new Uri(gatewayUrl, options.Path), cookie);
Console.WriteLine($"direct  {direct.Url}\ngateway {gateway.Url} (with the access cookie)");
foreach (var side in new[] { direct, gateway })
{
    // Both must answer 200 before anything is timed: a 401 through the gateway would be a fast wrong answer.
    using var check = await client.SendAsync(side.Request());
    if (check.StatusCode != HttpStatusCode.OK)
    {
        Console.Error.WriteLine($"{side.Name} {side.Url} answered {(int)check.StatusCode}.");
        return 1;
    }
}

Console.WriteLine($"throughput: {options.Connections} connections, {options.Rounds} rounds of {options.Seconds} s per side (after {options.Warmup} s of warm-up each)");
await Phase(direct, options.Connections, options.Warmup, record: false);
await Phase(gateway, options.Connections, options.Warmup, record: false);
for (var round = 1; round <= options.Rounds; round++)
{
    foreach (var side in round % 2 == 1 ? new[] { direct, gateway } : [gateway, direct])
    {
        var (count, elapsed) = await Phase(side, options.Connections, options.Seconds, record: false);
        side.ThroughputRequests += count;
        side.ThroughputSeconds += elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round} {side.Name,-8} {count / elapsed.TotalSeconds,9:0} req/s"));
    }
}

Console.WriteLine($"latency: 1 connection, {options.Rounds} rounds of {options.Seconds} s per side");
for (var round = 1; round <= options.Rounds; round++)
{
    foreach (var side in round % 2 == 1 ? new[] { direct, gateway } : [gateway, direct])
    {
        var (count, elapsed) = await Phase(side, 1, options.Seconds, record: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round} {side.Name,-8} {count,7} requests, mean {elapsed.TotalMilliseconds / count:0.000} ms"));
    }
}

foreach (var side in new[] { direct, gateway })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{side.Name,-8} rps={side.Rps:0}  p50={side.Percentile(0.50):0.000} ms  p99={side.Percentile(0.99):0.000} ms  ({side.Latencies.Count} timed requests)"));
}

var ratio = gateway.Rps / direct.Rps;
var added = gateway.Percentile(0.99) - direct.Percentile(0.99);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target: ratio >= 0.7 ({(ratio >= 0.7 ? "met" : "missed")}), p99 added <= 2 ms ({(added <= 2 ? "met" : "missed")})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gateway: direct_rps={direct.Rps:0} gateway_rps={gateway.Rps:0} ratio={ratio:0.00} p99_added_ms={added:0.00}"));
return 0;

// The shared link, as a browser opens it: the gateway answers with its cookie and a redirect.
async Task<string> SignInAsync(Uri link)
{
    using var response = await client.GetAsync(link);
    var setCookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.First() : throw new InvalidOperationException($"The shared link gave no cookie ({(int)response.StatusCode}).");
    return setCookie.Split(';')[0];
}

async Task<(long Count, TimeSpan Elapsed)> Phase(Side side, int connections, int seconds, bool record)
{
    var stopwatch = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(seconds);
    var workers = Enumerable.Range(0, connections).Select(async _ =>
    {
        long count = 0;
        var latencies = new List<double>();
        while (stopwatch.Elapsed < until)
        {
            var started = Stopwatch.GetTimestamp();
            using (var response = await client.SendAsync(side.Request(), HttpCompletionOption.ResponseContentRead))
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{side.Name} answered {(int)response.StatusCode} under load.");
                }
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            count++;
        }

        return (count, latencies);
    }).ToList();
    var results = await Task.WhenAll(workers);
    var elapsed = stopwatch.Elapsed;
    if (record)
    {
        side.Latencies.AddRange(results.SelectMany(result => result.latencies));
    }

    return (results.Sum(result => result.count), elapsed);
}

internal sealed class Side(string name, Uri url, string? cookie)
{
    public string Name { get; } = name;

    public Uri Url { get; } = url;

    public long ThroughputRequests { get; set; }

    public double ThroughputSeconds { get; set; }

    public double Rps => ThroughputRequests / ThroughputSeconds;

    public List<double> Latencies { get; } = [];

    public HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }

    public double Percentile(double fraction)
    {
        var sorted = Latencies.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }
}

/// <summary>The environment's state files: the service's own endpoint (resources.json) and its links (links.json).</summary>
internal static class Environment
{
    public static (Uri Direct, Uri Gateway, Uri SharedLink) Read(string stateFolder, string service)
    {
        using var links = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(stateFolder, "links.json")));
        using var resources = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(stateFolder, "resources.json")));
        var gateway = links.RootElement.GetProperty("services").EnumerateArray().First(link => link.GetProperty("name").GetString() == service).GetProperty("url").GetString()!;
        var direct = resources.RootElement.GetProperty("resources").EnumerateArray().First(resource => resource.GetProperty("name").GetString() == service)
            .GetProperty("urls").EnumerateArray().Select(url => url.GetString()!).First(url => url.StartsWith("http://", StringComparison.Ordinal));
        return (new Uri(direct), new Uri(gateway), new Uri(links.RootElement.GetProperty("sharedLink").GetString()!));
    }
}

internal sealed record Options(string State, string Service, string Path, int Connections, int Seconds, int Rounds, int Warmup)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index + 1 < args.Length; index += 2)
        {
            values[args[index]] = args[index + 1];
        }

        int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new Options(
            values["--state"], values.GetValueOrDefault("--service", "shop-api"), values.GetValueOrDefault("--path", "/products"),
            Number("--connections", 16), Number("--seconds", 5), Number("--rounds", 4), Number("--warmup", 2));
    }
}
