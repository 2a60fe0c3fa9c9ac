using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PreviewSdk.EndToEnd.Tests.Infrastructure;
using PreviewSdk.EndToEnd.Tests.Workspaces;
using PreviewSdk.Observability.Tests.Infrastructure;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// Watching environments, as users run them: checks that fail raise an alert to a real webhook receiver, turn the
/// service red and fail <c>-t:PreviewTest</c> with their code and a JUnit report; <c>dotnet run --launch-profile</c>
/// starts that profile as an environment of the registry, listed and stopped by the targets.
/// </summary>
[TestClass]
public sealed class ObservabilityTests(TestContext testContext)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [TestMethod]
    public async Task AFailingCheck_Alerts_TurnsTheServiceRed_AndFailsPreviewTestWithItsCodeAndJUnit_APassingSetSucceeds()
    {
        using var receiver = new LoopbackServer(_ => new Answer(200));
        using var workspace = new TempFolder("previewsdk-e2e-checks-");
        ProbeProjects.WriteProbe(workspace);
        var project = ProbeProjects.WritePreviewFromSource(workspace, "probe-checks", $$"""
            app: probe-checks
            alerts:
              webhooks: [ { url: "{{receiver.Url}}hooks", format: json } ]
            checks:
              probe:
                home: { path: /, contains: "hello from the probe", interval: 5s }
                missing: { path: /missing, interval: 5s }
            """);
        using var preview = new PreviewUnderTest(project, "probe-checks", "checks", testContext);

        var up = preview.Preview();
        Assert.AreEqual(0, up.ExitCode, up.ToString());

        var alerts = await receiver.WaitForRequestsAsync(1, Patience);
        Assert.HasCount(1, alerts, "no alert for the failing check");
        using (var alert = JsonDocument.Parse(alerts[0].Body))
        {
            Assert.AreEqual("PREVIEW6032", alert.RootElement.GetProperty("code").GetString());
            Assert.AreEqual("probe", alert.RootElement.GetProperty("resource").GetString());
            StringAssert.Contains(alert.RootElement.GetProperty("message").GetString(), "PREVIEW6001: Check 'probe/missing' failed");
        }

        Assert.AreEqual("Unhealthy", await HealthOfAsync(preview, ProbeProjects.ServiceName), "the service is red in the dashboard's resource state");
        var list = preview.List();
        Assert.Contains($"{preview.Name}  app=probe-checks  profile=lightweight  degraded (down: probe), 1 alert(s)", list.Output, list.ToString());
        Assert.Contains("alert  PREVIEW6032 probe fails a check", list.Output, list.ToString());

        var test = preview.Test();

        Assert.AreNotEqual(0, test.ExitCode, test.ToString());
        var manifest = Path.Combine(Path.GetDirectoryName(project)!, "preview.yaml");
        Assert.MatchesRegex(
            new Regex($@"{Regex.Escape(manifest)}\(7,5\): error PREVIEW6001: Check 'probe/missing' failed: GET http://probe\.{Regex.Escape(preview.Name)}\.localhost:\d+/missing answered 404 NotFound, expected 200 OK\."),
            test.Output,
            test.ToString());
        Assert.Contains("passed  probe/home", test.Output, test.ToString());
        var junit = XDocument.Load(Path.Combine(preview.StateFolder, "checks.junit.xml"));
        var cases = junit.Descendants("testcase").ToDictionary(c => c.Attribute("name")!.Value);
        Assert.AreEqual("PREVIEW6001", cases["missing"].Element("failure")?.Attribute("type")?.Value, junit.ToString());
        Assert.IsNull(cases["home"].Element("failure"), junit.ToString());

        var withoutMissing = File.ReadAllText(manifest).Replace("    missing: { path: /missing, interval: 5s }", string.Empty, StringComparison.Ordinal);
        File.WriteAllText(manifest, withoutMissing);
        var passing = preview.Test();

        Assert.AreEqual(0, passing.ExitCode, passing.ToString());
        Assert.Contains("1 passed, 0 failed", passing.Output, passing.ToString());
        Assert.AreEqual("0", XDocument.Load(Path.Combine(preview.StateFolder, "checks.junit.xml")).Root!.Attribute("failures")!.Value);
        var down = preview.Down();
        Assert.AreEqual(0, down.ExitCode, down.ToString());
    }

    [TestMethod]
    public async Task DotnetRun_WithALaunchProfile_StartsThatProfileInTheRegistry_ListedAndStoppedByTheTargets()
    {
        using var workspace = new TempFolder("previewsdk-e2e-f5-");
        ProbeProjects.WriteProbe(workspace);
        var project = ProbeProjects.WritePreviewFromSource(workspace, "probe-f5", """
            app: probe-f5
            profiles:
              qa:
                services:
                  probe: { env: { Probe__Mode: healthy } }
            """);
        using var preview = new PreviewUnderTest(project, "probe-f5", "f5", testContext);
        var folder = Path.GetDirectoryName(project)!;
        var build = DotnetCli.Run(folder, ["build", project, "-tl:off"], TimeSpan.FromMinutes(5));
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        using (var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "Properties", "launchSettings.json"))))
        {
            CollectionAssert.AreEqual(new[] { "lightweight", "heavyweight", "qa" }, settings.RootElement.GetProperty("profiles").EnumerateObject().Select(p => p.Name).ToArray());
        }

        // As F5 or a terminal runs it: in the foreground, until something stops it.
        var run = Task.Run(() => DotnetCli.Run(folder, ["run", "--no-build", "--launch-profile", "qa"], TimeSpan.FromMinutes(5),
            new Dictionary<string, string?> { ["PREVIEW_STATE_ROOT"] = preview.StateRoot, ["PREVIEW_ENVIRONMENT_NAME"] = preview.Name }));
        string? environmentId = null;
        try
        {
            var links = Path.Combine(preview.StateFolder, "links.json");
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!File.Exists(links) && !run.IsCompleted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }

            Assert.IsTrue(File.Exists(links), run.IsCompleted ? run.Result.ToString() : "not ready within 3 minutes");
            var record = preview.ReadEnvironment();
            environmentId = record.EnvironmentId;
            Assert.AreEqual(("qa", preview.Name, "probe-f5"), (record.Profile, record.Name, record.App));
            var list = preview.List();
            Assert.Contains($"{preview.Name}  app=probe-f5  profile=qa  up", list.Output, list.ToString());

            var down = preview.Down();

            Assert.AreEqual(0, down.ExitCode, down.ToString());
            Assert.Contains($"Preview '{preview.Name}' of 'probe-f5' is down.", down.Output, down.ToString());
            Assert.IsTrue(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) == run, "dotnet run did not end once its environment was stopped");
            EnvironmentAssert.LeftNothingBehind(preview, [environmentId], down);
        }
        finally
        {
            if (environmentId is not null)
            {
                EnvironmentProcessTable.KillAll(environmentId);
            }
        }
    }

    private static async Task<string?> HealthOfAsync(PreviewUnderTest preview, string resource)
    {
        var deadline = DateTime.UtcNow + Patience;
        string? health = null;
        while (DateTime.UtcNow < deadline)
        {
            health = StateFiles.ReadResources(preview.StateFolder).Resources.Single(r => r.Name == resource).Health;
            if (health == "Unhealthy")
            {
                break;
            }

            await Task.Delay(500);
        }

        return health;
    }
}
