using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Generation;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Tests.Planning;

namespace PreviewSdk.Core.Tests.Fuzzing;

/// <summary>
/// Fuzzes the path every build takes with preview.yaml (GeneratePreviewAppHost's core: read the file, plan, generate
/// the app host's code) for a bounded time, asserting for each malformed document: a PREVIEW code, no exception
/// escaping (PREVIEW9001 counts as one), no process started, bounded time and bounded output. A failure names the seed
/// and keeps the input next to the test results. <c>PREVIEW_FUZZ_SECONDS</c> sets the time (30 s by default).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed partial class ManifestFuzzTests
{
    private const int MaxOutputCharacters = 128 * 1024;
    private static readonly TimeSpan MaxCaseTime = TimeSpan.FromSeconds(10);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void MalformedManifests_AlwaysGiveACode_NeverAnExceptionOrAProcess_InBoundedTimeAndOutput()
    {
        var budget = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("PREVIEW_FUZZ_SECONDS") ?? "30", CultureInfo.InvariantCulture));
        using var workspace = new PreviewWorkspace().Reference("Shop.Api").Reference("Shop.Worker", isWeb: false).Reference("Shop.Web");
        workspace.Manifest(string.Empty).Plan();
        var childrenBefore = ChildProcesses();
        var clock = Stopwatch.StartNew();
        var (cases, refused, accepted, slowest, longest) = (0, 0, 0, TimeSpan.Zero, 0);
        var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var seed = 1; clock.Elapsed < budget; seed++)
        {
            var input = new ManifestFuzzer(seed).Next();
            File.WriteAllBytes(workspace.ManifestPath, input);
            var profile = (seed % 3) switch { 0 => null, 1 => "lightweight", _ => "load" };
            var started = clock.Elapsed;
            PlanResult result;
            string? generated = null;
            try
            {
                result = PreviewPlanner.Plan(workspace.ManifestPath, workspace.PreviewProjectPath, "Shop.Preview", workspace.Projects, profile);
                if (result.Plan is { } plan)
                {
                    generated = AppHostGenerator.GenerateResources(plan, "1.0.0");
                }
            }
            catch (Exception e)
            {
                Fail(seed, input, $"an exception escaped: {e}");
                return;
            }

            var took = clock.Elapsed - started;
            var output = DiagnosticLimiter.Limit(result.Diagnostics).Sum(d => d.ToString().Length + (d.Details?.Length ?? 0));
            (cases, slowest, longest) = (cases + 1, took > slowest ? took : slowest, Math.Max(longest, output));
            foreach (var code in result.Diagnostics.Select(d => d.Code).Distinct())
            {
                codes[code] = codes.GetValueOrDefault(code) + 1;
            }

            if (result.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.UnexpectedError) is { } bug)
            {
                Fail(seed, input, $"PREVIEW9001 (a bug): {bug}");
            }

            if (result.Plan is null && !result.Diagnostics.Any(d => d.IsError && CodePattern().IsMatch(d.Code)))
            {
                Fail(seed, input, "refused without a PREVIEW error");
            }

            if (result.Plan is not null && !IsUtf8(input))
            {
                Fail(seed, input, "accepted bytes that are not UTF-8 (they would reach the code and the services as U+FFFD)");
            }

            if (result.Plan is not null && generated is null)
            {
                Fail(seed, input, "planned but generated nothing");
            }

            if (took > MaxCaseTime || output > MaxOutputCharacters)
            {
                Fail(seed, input, $"took {took.TotalSeconds:0.0} s and printed {output} characters");
            }

            if (result.Plan is null)
            {
                refused++;
            }
            else
            {
                accepted++;
            }
        }

        CollectionAssert.AreEquivalent(childrenBefore, ChildProcesses(), "planning started a process");
        Assert.IsGreaterThan(100, cases, "too few cases ran to mean anything");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"fuzz: cases={cases} refused-with-code={refused} accepted={accepted} slowest={slowest.TotalMilliseconds:0} ms longest-output={longest} chars\n") +
            "codes: " + string.Join(", ", codes.Select(pair => $"{pair.Key}×{pair.Value}")) + "\n";
        TestContext.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("PREVIEW_FUZZ_REPORT") is { Length: > 0 } report)
        {
            File.AppendAllText(report, summary);
        }
    }

    private void Fail(int seed, byte[] input, string what)
    {
        var kept = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), $"fuzz-{seed}.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        File.WriteAllBytes(kept, input);
        Assert.Fail($"Fuzz case {seed} ({kept}): {what}");
    }

    // The processes this test process started and that still run (the test host has none of its own otherwise).
    private static List<string> ChildProcesses() =>
        Directory.GetDirectories($"/proc/{Environment.ProcessId}/task")
            .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^PREVIEW[1-8]\d{3}$")]
    private static partial Regex CodePattern();
}
