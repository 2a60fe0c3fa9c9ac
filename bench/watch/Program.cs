// build/bench.sh watch: two figures of the watch over an environment, on the Shop sample (lightweight).
//
// 1. Alert latency: the Shop starts with -p:PreviewAlertWebhook pointing at a receiver on the loopback; once it is up,
//    shop-api's own process gets SIGKILL, and the time until the alert reaches the receiver is measured. Repeated
//    --runs times (a fresh environment each time); prints each and the median.
// 2. Idle CPU: an environment that nobody uses is left alone for --idle-seconds (after 30 s to settle), and the CPU
//    time of every process that carries its environment id (app host, DCP, dashboard, services, PostgreSQL) is read
//    from /proc before and after. Done for the sample as it is (checks and alerts on) and, with --before <folder>, for
//    the sample of a checkout from before them: the difference is what checks and alerting cost.
//
// Last line: watch: alert_median_s=<s> idle_cpu_pct_after=<p> idle_cpu_pct_before=<p> apphost_cpu_pct_after=<p> apphost_cpu_pct_before=<p>
// (percent of one core; "-" for what was not measured).
using System.Diagnostics;
using System.Globalization;
using PreviewSdk.Observability.Tests.Infrastructure;

var options = Options.Parse(args);
var root = Directory.CreateTempSubdirectory("previewsdk-bench-watch-").FullName;
var owner = $"previewsdk-bench-watch-{Environment.ProcessId}";
try
{
    var latencies = new List<double>();
    for (var run = 1; run <= options.Runs; run++)
    {
        latencies.Add(await AlertLatencyAsync(options.Sample, root, $"bench-alert-{run}", owner));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alert run {run}: {latencies[^1]:0.00} s from SIGKILL to the webhook"));
    }

    var after = options.IdleSeconds > 0 ? await IdleCpuAsync(options.Sample, root, "bench-idle-after", owner, options.IdleSeconds) : ((double, double)?)null;
    var before = options.Before is { } old && options.IdleSeconds > 0 ? await IdleCpuAsync(old, root, "bench-idle-before", owner, options.IdleSeconds) : ((double, double)?)null;
    var median = latencies.Count == 0 ? "-" : Format(latencies.Order().ElementAt(latencies.Count / 2));
    Console.WriteLine($"watch: alert_median_s={median} idle_cpu_pct_after={Format(after?.Item1)} idle_cpu_pct_before={Format(before?.Item1)} apphost_cpu_pct_after={Format(after?.Item2)} apphost_cpu_pct_before={Format(before?.Item2)}");
    return 0;
}
finally
{
    Directory.Delete(root, recursive: true);
}

static async Task<double> AlertLatencyAsync(string sample, string root, string name, string owner)
{
    var alerted = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
    using var receiver = new LoopbackServer(request =>
    {
        if (request.Body.Contains("\"kind\":\"alert\"", StringComparison.Ordinal) && request.Body.Contains("\"resource\":\"shop-api\"", StringComparison.Ordinal))
        {
            alerted.TrySetResult(DateTime.UtcNow);
        }

        return new Answer(200);
    });
    var id = Up(sample, root, name, owner, $"-p:PreviewAlertWebhook=json:{receiver.Url}");
    try
    {
        var api = Processes.Carrying(id).First(pid => Processes.CommandLine(pid).Contains("Shop.Api", StringComparison.Ordinal) && !Processes.CommandLine(pid).Contains(" run ", StringComparison.Ordinal));
        var killedAt = DateTime.UtcNow;
        Process.GetProcessById(api).Kill();
        var arrivedAt = await alerted.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return (arrivedAt - killedAt).TotalSeconds;
    }
    finally
    {
        Down(sample, root, name, owner);
    }
}

static async Task<(double Total, double AppHost)> IdleCpuAsync(string sample, string root, string name, string owner, int seconds)
{
    var id = Up(sample, root, name, owner);
    try
    {
        await Task.Delay(TimeSpan.FromSeconds(30));
        var appHost = Processes.Carrying(id).First(pid => Processes.CommandLine(pid).Contains("Shop.Preview.dll", StringComparison.Ordinal));
        var start = Processes.Carrying(id).ToDictionary(pid => pid, Processes.CpuTicks);
        var startAppHost = Processes.CpuTicks(appHost);
        var stopwatch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        // A process that started meanwhile counts from zero; one that ended is lost (the idle environment keeps its processes).
        var used = Processes.Carrying(id).Sum(pid => Processes.CpuTicks(pid) - start.GetValueOrDefault(pid));
        var usedAppHost = Processes.CpuTicks(appHost) - startAppHost;
        var total = 100.0 * used / Processes.TicksPerSecond / elapsed;
        var own = 100.0 * usedAppHost / Processes.TicksPerSecond / elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle {name}: {total:0.00} % of a core over {elapsed:0} s (app host {own:0.00} %) — {sample}"));
        return (total, own);
    }
    finally
    {
        Down(sample, root, name, owner);
    }
}

static string Up(string sample, string root, string name, string owner, params string[] extra)
{
    Dotnet(["build", sample, "-t:Preview", $"-p:PreviewName={name}", $"-p:PreviewStateRoot={root}", "-nologo", "-v:m", .. extra], owner);
    return File.ReadAllText(Path.Combine(root, "shop", name, "environment.json")).Split("\"environmentId\": \"")[1].Split('"')[0];
}

static void Down(string sample, string root, string name, string owner) =>
    Dotnet(["build", sample, "-t:PreviewDown", $"-p:PreviewName={name}", $"-p:PreviewStateRoot={root}", "-nologo", "-v:m"], owner);

static void Dotnet(IReadOnlyList<string> arguments, string owner)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["BENCH_OWNER"] = owner;
    start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{output.Result}\n{error.Result}");
    }
}

static string Format(double? value) => value is { } number ? number.ToString("0.00", CultureInfo.InvariantCulture) : "-";

/// <summary>The processes of an environment, read from /proc.</summary>
internal static class Processes
{
    /// <summary>The kernel's clock ticks per second (USER_HZ), 100 on Linux.</summary>
    public const double TicksPerSecond = 100;

    public static IReadOnlyList<int> Carrying(string environmentId)
    {
        var marker = $"PREVIEW_ENVIRONMENT_ID={environmentId}";
        return Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Read($"/proc/{pid}/environ").Split('\0').Contains(marker))
            .ToList();
    }

    public static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ');

    /// <summary>User plus system time (fields 14 and 15 of /proc/&lt;pid&gt;/stat); 0 once it is gone.</summary>
    public static long CpuTicks(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        if (stat.Length == 0)
        {
            return 0;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}

/// <summary>The command line.</summary>
internal sealed record Options(string Sample, string? Before, int Runs, int IdleSeconds)
{
    public static Options Parse(string[] args)
    {
        string? sample = null, before = null;
        int runs = 5, idle = 300;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sample": sample = args[i + 1]; break;
                case "--before": before = args[i + 1]; break;
                case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--idle-seconds": idle = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        return new Options(sample ?? throw new ArgumentException("--sample <Shop.Preview folder> is required"), before, runs, idle);
    }
}
