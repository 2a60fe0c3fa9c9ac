using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class EnvironmentListRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [TestMethod]
    [DataRow(0, "0s")]
    [DataRow(45, "45s")]
    [DataRow(59.9, "59s")]
    [DataRow(60, "1m")]
    [DataRow(12 * 60 + 59, "12m")]
    [DataRow(3600, "1h00m")]
    [DataRow(3 * 3600 + 5 * 60 + 30, "3h05m")]
    [DataRow(23 * 3600 + 59 * 60, "23h59m")]
    [DataRow(86400, "1d00h")]
    [DataRow(2 * 86400 + 4 * 3600 + 59 * 60, "2d04h")]
    [DataRow(40 * 86400, "40d00h")]
    [DataRow(-30, "0s")]
    public void Age_IsShort(double seconds, string expected)
    {
        Assert.AreEqual(expected, EnvironmentListRenderer.Age(TimeSpan.FromSeconds(seconds)));
    }

    [TestMethod]
    public void Render_NoEnvironments_SaysSo()
    {
        Assert.AreEqual("No preview environments are running.", EnvironmentListRenderer.Render([], Now));
    }

    [TestMethod]
    public void Render_ShowsStateAgeOwnerBranchAndLinks()
    {
        using var folder = new TempFolder();
        var id = MarkedProcess.NewId();
        using var host = MarkedProcess.Start(id);

        // Up: its host runs and it wrote ready.json and links.json.
        var up = Entry(folder, "shop", "main", id, host.Id, Now.AddMinutes(-12), owner: "Ada", branch: "main",
            record => record with { Team = "shop", Cpus = 1.5, MemoryBytes = 3L << 29, ExpiresAt = Now.AddHours(7).AddMinutes(48) });
        WriteReady(up);
        StateJson.Write(Path.Combine(up.Folder, StateFiles.LinksJson), new EnvironmentLinks
        {
            Environment = "main",
            Profile = "lightweight",
            ReadyAt = Now,
            Directory = "http://main.localhost:7400/",
            SharedLink = "http://main.localhost:7400/?preview_token=secret",
            Dashboard = "http://dashboard.main.localhost:7400/",
            Services = [new ServiceLink("shop-api", "http://shop-api.main.localhost:7400/")],
        });

        // Starting: its host runs, not ready yet. Stale: the recorded process does not carry its id.
        var starting = Entry(folder, "shop", "feature-x", id, host.Id, Now.AddSeconds(-45), owner: null, branch: null,
            record => record with { Team = "shop", Cpus = 2, MemoryBytes = 1L << 30, Keep = true });
        var stale = Entry(folder, "blog", "old", MarkedProcess.NewId(), Environment.ProcessId, Now.AddHours(-50), owner: "Bob", branch: "old");

        var text = EnvironmentListRenderer.Render([up, starting, stale], Now);

        Assert.AreEqual(
            "3 preview environment(s):\n" +
            "  main  app=shop  profile=lightweight  up  age=12m  expires=in 7h48m  owner=Ada  branch=main  team=shop  cpu=1.5  memory=1.5Gi\n" +
            "    directory  http://main.localhost:7400/\n" +
            "    dashboard  http://dashboard.main.localhost:7400/\n" +
            "    shop-api  http://shop-api.main.localhost:7400/\n" +
            "  feature-x  app=shop  profile=lightweight  starting  age=45s  expires=kept  owner=?  branch=-  team=shop  cpu=2  memory=1Gi\n" +
            "  old  app=blog  profile=lightweight  stale (app host gone; the next command cleans it up)  age=2d02h  expires=never  owner=Bob  branch=old  team=-",
            text);
    }

    [TestMethod]
    public void Render_AReadyEnvironmentWhoseResourceFailedLater_IsDegradedWithTheReason()
    {
        using var folder = new TempFolder();
        var id = MarkedProcess.NewId();
        using var host = MarkedProcess.Start(id);
        var entry = ReadyEntry(folder, id, host.Id);
        StateJson.Write(Path.Combine(entry.Folder, StateFiles.Failed), new FailureReport
        {
            Resource = "shop-worker",
            State = "Exited",
            Reason = "'shop-worker' Exited with exit code 3.",
        });

        var text = EnvironmentListRenderer.Render([entry], Now);

        StringAssert.Contains(text, "  main  app=shop  profile=lightweight  degraded ('shop-worker' Exited with exit code 3.)  age=3m");
    }

    [TestMethod]
    public void Render_AServiceThatIsDown_DegradesTheEnvironment_AndMarksItsLink()
    {
        using var folder = new TempFolder();
        var id = MarkedProcess.NewId();
        using var host = MarkedProcess.Start(id);
        var entry = ReadyEntry(folder, id, host.Id);
        StateJson.Write(Path.Combine(entry.Folder, StateFiles.LinksJson), new EnvironmentLinks
        {
            Environment = "main",
            Profile = "lightweight",
            ReadyAt = Now,
            Directory = "http://main.localhost:7400/",
            SharedLink = "http://main.localhost:7400/?preview_token=t",
            Dashboard = "http://127.0.0.1:18888/login?t=x",
            Services = [new ServiceLink("shop-api", "http://127.0.0.1:5001") { State = LinkStates.Down }, new ServiceLink("shop-web", "http://127.0.0.1:5002")],
        });

        var text = EnvironmentListRenderer.Render([entry], Now);

        StringAssert.Contains(text, "  main  app=shop  profile=lightweight  degraded (down: shop-api)  age=3m");
        StringAssert.Contains(text, "    shop-api  http://127.0.0.1:5001  (down)\n    shop-web  http://127.0.0.1:5002");
    }

    [TestMethod]
    public void Render_AnEnvironmentWithOpenAlerts_CountsThemAndListsEach()
    {
        using var folder = new TempFolder();
        var id = MarkedProcess.NewId();
        using var host = MarkedProcess.Start(id);
        var entry = ReadyEntry(folder, id, host.Id);
        StateJson.Write(Path.Combine(entry.Folder, StateFiles.Alerts), new AlertsReport
        {
            UpdatedAt = Now,
            Open = [new AlertEntry("alert", "0001-115800", "PREVIEW6030", "shop-api", "shop-api exited with code 1", Now.AddMinutes(-2))],
            Recent = [],
        });

        var text = EnvironmentListRenderer.Render([entry], Now);

        StringAssert.Contains(text, "  main  app=shop  profile=lightweight  up, 1 alert(s)  age=3m");
        StringAssert.Contains(text, "\n    alert  PREVIEW6030 shop-api exited with code 1 (2m ago)");
    }

    // 'main' of 'shop', started 3 minutes ago by Ada, ready.
    private static EnvironmentEntry ReadyEntry(TempFolder folder, string id, int hostId)
    {
        var entry = Entry(folder, "shop", "main", id, hostId, Now.AddMinutes(-3), owner: "Ada", branch: "main");
        WriteReady(entry);
        return entry;
    }

    private static void WriteReady(EnvironmentEntry entry) =>
        StateJson.Write(Path.Combine(entry.Folder, StateFiles.Ready), new ReadyReport
        {
            ReadyAt = Now,
            DashboardUrl = "http://127.0.0.1:18888",
            DashboardLoginUrl = "http://127.0.0.1:18888/login?t=x",
            Resources = [],
        });

    private static EnvironmentEntry Entry(
        TempFolder folder, string app, string name, string environmentId, int hostProcessId, DateTimeOffset startedAt, string? owner, string? branch,
        Func<EnvironmentRecord, EnvironmentRecord>? change = null)
    {
        var stateFolder = folder.PathOf(app, name);
        EnvironmentRecord record = new()
        {
            Name = name,
            App = app,
            Profile = "lightweight",
            EnvironmentId = environmentId,
            HostProcessId = hostProcessId,
            StartedAt = startedAt,
            Owner = owner,
            Branch = branch,
            DashboardUrl = "http://127.0.0.1:18888",
        };
        record = change?.Invoke(record) ?? record;
        StateJson.Write(Path.Combine(stateFolder, StateFiles.Record), record);
        return new EnvironmentEntry(stateFolder, record);
    }
}
