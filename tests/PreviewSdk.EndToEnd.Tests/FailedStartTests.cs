using System.Text.RegularExpressions;
using PreviewSdk.EndToEnd.Tests.Infrastructure;
using PreviewSdk.EndToEnd.Tests.Workspaces;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// Environments that cannot come up: a service that never turns healthy, one that crashes at start, a dependency whose
/// program is missing. Each must fail the build with a coded error that shows the cause, and leave nothing behind.
/// The projects are written outside the repository and import the SDK from source, as the Shop sample does.
/// </summary>
[TestClass]
public sealed class FailedStartTests(TestContext testContext)
{
    [TestMethod]
    public void Preview_ServiceNeverHealthy_TimesOutNamingItWithItsHealthAnswerAndLogKeepsAPostMortemAndLeavesNothing()
    {
        using var workspace = new TempFolder("previewsdk-e2e-timeout-");
        using var preview = ProbePreview(workspace, "probe-timeout", "timeout", ProbeInMode("unhealthy"));

        var up = preview.Preview(["-p:PreviewTimeout=20"]);

        Assert.AreNotEqual(0, up.ExitCode, up.ToString());
        // The service at fault, with its health check's last answer: the URL probed and the status it got.
        var error = new Regex(
            $@"error PREVIEW2001: Preview '{Regex.Escape(preview.Name)}' was not ready within 20 s: '{ProbeProjects.ServiceName}' is Running, Unhealthy " +
            @"\(GET http://localhost:\d+/health answered 503 Service Unavailable\)\. The environment was torn down; its logs and resources\.json are kept in (?<kept>\S+), ");
        var match = error.Match(up.Output);
        Assert.IsTrue(match.Success, up.ToString());
        Assert.Contains(ProbeProjects.UnhealthyMessage, up.Output, $"The error does not quote the service's log. {up}");

        // The post-mortem: logs and reports of the failed start, under the state root, after the teardown.
        var kept = match.Groups["kept"].Value;
        Assert.StartsWith(Path.Combine(preview.StateRoot, "failed", "probe-timeout", preview.Name), kept, up.ToString());
        Assert.IsTrue(File.Exists(Path.Combine(kept, "resources.json")), $"No resources.json in {kept}. {up}");
        Assert.IsTrue(File.Exists(Path.Combine(kept, "environment.json")), $"No environment.json in {kept}. {up}");
        Assert.Contains(ProbeProjects.UnhealthyMessage, File.ReadAllText(Path.Combine(kept, "logs", ProbeProjects.ServiceName + ".log")));
        EnvironmentAssert.LeftNothingBehind(preview, preview.SeenEnvironmentIds, up);

        // -t:PreviewPrune removes the project's post-mortems, whatever their age.
        var prune = preview.Prune();
        Assert.AreEqual(0, prune.ExitCode, prune.ToString());
        Assert.IsFalse(Directory.Exists(kept), $"PreviewPrune left {kept}. {prune}");
        Assert.IsFalse(Directory.Exists(Path.Combine(preview.StateRoot, "failed")), $"PreviewPrune left the empty failed/ folder. {prune}");
    }

    [TestMethod]
    public void Preview_ServiceCrashesAtStart_ReportsItsLogAndLeavesNothing()
    {
        using var workspace = new TempFolder("previewsdk-e2e-crash-");
        using var preview = ProbePreview(workspace, "probe-crash", "crash", ProbeInMode("crash"));

        var up = preview.Preview();

        Assert.AreNotEqual(0, up.ExitCode, up.ToString());
        // PREVIEW2002 when the hosting layer saw the resource fail, PREVIEW2003 should the app host exit first.
        Assert.MatchesRegex(new Regex("error PREVIEW200[23]: "), up.Output, up.ToString());
        Assert.Contains(ProbeProjects.CrashMessage, up.Output, $"The error does not quote the service's log. {up}");
        EnvironmentAssert.LeftNothingBehind(preview, preview.SeenEnvironmentIds, up);
    }

    [TestMethod]
    public void Preview_RedisServerNotOnPath_FailsNamingTheDependencyBeforeStartingAnything()
    {
        // The machine has redis-server on PATH, so PREVIEW3002 can only come from the task seeing the PATH given below.
        Assert.IsNotNull(FindOnPath("redis-server"), "This test needs redis-server on the test's own PATH.");
        using var workspace = new TempFolder("previewsdk-e2e-nopath-");
        // Only dotnet and sh: not /bin, which on a merged-/usr system such as Debian 12 is /usr/bin, redis-server included.
        var bin = Directory.CreateDirectory(workspace.PathOf("bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), DotnetCli.HostPath);
        File.CreateSymbolicLink(Path.Combine(bin, "sh"), File.ResolveLinkTarget("/bin/sh", returnFinalTarget: true)?.FullName ?? "/bin/sh");
        using var preview = ProbePreview(workspace, "probe-redis", "nopath", """
            dependencies:
              cache:
                type: redis
            services:
              probe:
                uses: [cache]
            """);

        var up = preview.Preview(environment: new Dictionary<string, string?> { ["PATH"] = bin });

        Assert.AreNotEqual(0, up.ExitCode, up.ToString());
        Assert.Contains("error PREVIEW3002: Dependency 'cache' needs Redis, but redis-server was not found on PATH.", up.Output, up.ToString());
        Assert.IsEmpty(preview.SeenEnvironmentIds, $"An environment was started. {up}");
        Assert.IsFalse(Directory.Exists(preview.StateFolder), $"The state folder {preview.StateFolder} was created. {up}");
        var list = preview.List();
        Assert.Contains("No preview environments are running.", list.Output, list.ToString());
    }

    // The probe and a preview project running it, whose preview.yaml is "app: <app>" then the rest.
    private PreviewUnderTest ProbePreview(TempFolder workspace, string app, string purpose, string restOfManifest)
    {
        ProbeProjects.WriteProbe(workspace);
        var project = ProbeProjects.WritePreviewFromSource(workspace, app, $"app: {app}\n{restOfManifest}");
        return new PreviewUnderTest(project, app, purpose, testContext);
    }

    private static string ProbeInMode(string mode) => $"""
        services:
          probe:
            env:
              Probe__Mode: {mode}
        """;

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
