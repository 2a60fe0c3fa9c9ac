using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using PreviewSdk.EndToEnd.Tests.Infrastructure;
using PreviewSdk.EndToEnd.Tests.Workspaces;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// A second <c>-t:Preview</c> on an environment that is up: unchanged, it rebuilds and restarts nothing and prints
/// the links; with one service's source changed, only that service is rebuilt and restarted, and serves the new
/// code; with preview.yaml changed, the whole environment starts anew. The probe and a second small web service
/// (echo) are written outside the repository, with a preview project importing the SDK from source.
/// </summary>
[TestClass]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RepeatTests(TestContext testContext)
{
    private const string EchoService = "echo";
    private static readonly TimeSpan ServeWithin = TimeSpan.FromMinutes(2);

    [TestMethod]
    public async Task Preview_Again_RestartsNothingWhenUnchanged_OnlyTheChangedService_AndEverythingWhenPreviewYamlChanged()
    {
        using var workspace = new TempFolder("previewsdk-e2e-repeat-");
        ProbeProjects.WriteProbe(workspace);
        WriteEcho(workspace, "echo: first build");
        var project = ProbeProjects.WritePreviewFromSource(workspace, "repeats", "app: repeats\n");
        AddEchoReference(project);
        using var preview = new PreviewUnderTest(project, "repeats", "repeat", testContext);

        var up = preview.Preview();
        Assert.AreEqual(0, up.ExitCode, up.ToString());
        Assert.Contains($"Preview '{preview.Name}' (lightweight) is up in ", up.Output, up.ToString());
        var record = preview.ReadEnvironment();
        var token = StateFiles.ReadToken(preview.StateFolder);
        var echo = Link(preview, EchoService);
        var probe = Link(preview, ProbeProjects.ServiceName);
        await AssertServesAsync(echo, token, "echo: first build");
        var probeProcess = ServiceProcess(record.EnvironmentId, "Probe");
        var echoProcess = ServiceProcess(record.EnvironmentId, "Echo");

        // Unchanged: the build compiles and copies nothing (its normal-verbosity log shows the compiler's command
        // line and each copied file when they run), and nothing is restarted.
        var again = preview.Preview(["-v:n"]);
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        Assert.Contains($"Preview '{preview.Name}' (lightweight) is already up and unchanged (started ", again.Output, again.ToString());
        Assert.Contains("no service was rebuilt or restarted", again.Output, again.ToString());
        AssertNothingCompiledOrCopied(again);
        EnvironmentAssert.PrintedLinksTable(again, preview.ReadLinks(), $"Preview '{preview.Name}' (lightweight) is already up and unchanged");
        Assert.AreEqual(record.EnvironmentId, preview.ReadEnvironment().EnvironmentId, "An unchanged -t:Preview started the environment anew.");
        Assert.AreEqual(probeProcess, ServiceProcess(record.EnvironmentId, "Probe"), "An unchanged -t:Preview restarted the probe.");
        Assert.AreEqual(echoProcess, ServiceProcess(record.EnvironmentId, "Echo"), "An unchanged -t:Preview restarted echo.");

        // One service changed: it alone is rebuilt and restarted, and serves its new build through the same link.
        WriteEcho(workspace, "echo: second build");
        var changed = preview.Preview(["-v:n"]);
        Assert.AreEqual(0, changed.ExitCode, changed.ToString());
        Assert.Contains($"Restarting '{EchoService}' of preview '{preview.Name}': its build changed; the rest of the environment keeps running.", changed.Output, changed.ToString());
        Assert.MatchesRegex(new Regex($@"Preview '{Regex.Escape(preview.Name)}' \(lightweight\) is up: restarted '{EchoService}' in \d+\.\d s, the rest unchanged"), changed.Output, changed.ToString());
        Assert.Contains("Echo.dll", CompiledProjects(changed), changed.ToString());
        Assert.DoesNotContain("Probe.dll", CompiledProjects(changed), changed.ToString());
        Assert.AreEqual(record.EnvironmentId, preview.ReadEnvironment().EnvironmentId, "A changed service started the whole environment anew.");
        Assert.AreEqual(probeProcess, ServiceProcess(record.EnvironmentId, "Probe"), "Changing echo restarted the probe.");
        Assert.AreNotEqual(echoProcess, ServiceProcess(record.EnvironmentId, "Echo"), "echo was not restarted.");
        await AssertServesAsync(echo, token, "echo: second build");
        await AssertServesAsync(probe, token, ProbeProjects.Greeting);

        // Unchanged again after the restart: the new build is what the environment now runs.
        var settled = preview.Preview();
        Assert.AreEqual(0, settled.ExitCode, settled.ToString());
        Assert.Contains("is already up and unchanged", settled.Output, settled.ToString());

        // preview.yaml changed: the whole environment starts anew, and says why.
        File.AppendAllText(Path.Combine(Path.GetDirectoryName(project)!, "preview.yaml"), "services:\n  probe:\n    env:\n      Probe__Mode: healthy\n");
        var whole = preview.Preview();
        Assert.AreEqual(0, whole.ExitCode, whole.ToString());
        Assert.Contains($"Restarting preview '{preview.Name}' as a whole: preview.yaml, the profile or the preview project changed since it started.", whole.Output, whole.ToString());
        Assert.Contains($"Preview '{preview.Name}' (lightweight) is up in ", whole.Output, whole.ToString());
        var restarted = preview.ReadEnvironment();
        Assert.AreNotEqual(record.EnvironmentId, restarted.EnvironmentId, "A changed preview.yaml did not start the environment anew.");
        Assert.IsEmpty(EnvironmentProcessTable.Carrying(record.EnvironmentId), "The first environment's processes survived its restart.");
        token = StateFiles.ReadToken(preview.StateFolder);
        await AssertServesAsync(Link(preview, EchoService), token, "echo: second build");

        var down = preview.Down();
        Assert.AreEqual(0, down.ExitCode, down.ToString());
        EnvironmentAssert.LeftNothingBehind(preview, [record.EnvironmentId, restarted.EnvironmentId], down);
    }

    // A target that runs the compiler shows the Csc task's command line (ending in the assembly it writes) at normal
    // verbosity; a copy to an output folder shows "Copying file from".
    private static void AssertNothingCompiledOrCopied(CommandResult build)
    {
        Assert.IsEmpty(CompiledProjects(build), $"An unchanged -t:Preview compiled: {string.Join(", ", CompiledProjects(build))}. {build}");
        Assert.DoesNotContain("Copying file from", build.Output, $"An unchanged -t:Preview copied files. {build}");
    }

    private static List<string> CompiledProjects(CommandResult build) =>
        Regex.Matches(build.Output, @"\bcsc(?:\.dll)?""? .* /out:(?:\S*/)?([^/\s]+\.dll)").Select(match => match.Groups[1].Value).ToList();

    private static string Link(PreviewUnderTest preview, string service) =>
        preview.ReadLinks().Services.Single(link => link.Name == service).Url;

    // The service's own process (dotnet running its bin/ output), by the project's folder in its command line.
    private static int ServiceProcess(string environmentId, string projectName)
    {
        var found = EnvironmentProcessTable.Carrying(environmentId)
            .Where(entry => entry.CommandLine.Contains($"/{projectName}/bin/", StringComparison.Ordinal)
                || entry.CommandLine.Contains($"/{projectName}.dll", StringComparison.Ordinal))
            .ToList();
        Assert.HasCount(1, found, $"The processes of {projectName}: {string.Join("; ", EnvironmentProcessTable.Carrying(environmentId))}");
        return found[0].ProcessId;
    }

    // Through the gateway with the access token, polled: a restarted service may take a moment to answer again.
    private async Task AssertServesAsync(string url, string token, string expected)
    {
        using var browser = new Browser();
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var page = await browser.GetWithHeadersAsync(url, new Dictionary<string, string> { ["X-Preview-Token"] = token }, testContext.CancellationToken);
            if (page.Status == HttpStatusCode.OK && page.Text.Contains(expected, StringComparison.Ordinal))
            {
                return;
            }

            Assert.IsLessThan(ServeWithin, stopwatch.Elapsed, $"{url} did not answer '{expected}' within {ServeWithin.TotalSeconds:0} s: {page}");
            await Task.Delay(250, testContext.CancellationToken);
        }
    }

    private static void WriteEcho(TempFolder workspace, string greeting)
    {
        workspace.Write("Echo/Echo.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
            </Project>
            """);
        workspace.Write("Echo/Program.cs", $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var app = builder.Build();
            app.MapGet("/", () => "{{greeting}}");
            app.MapGet("/health", () => "Healthy");
            app.Run();
            """);
    }

    private static void AddEchoReference(string project) =>
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            """<ProjectReference Include="../Probe/Probe.csproj" />""",
            """<ProjectReference Include="../Probe/Probe.csproj" /><ProjectReference Include="../Echo/Echo.csproj" />""",
            StringComparison.Ordinal));
}
