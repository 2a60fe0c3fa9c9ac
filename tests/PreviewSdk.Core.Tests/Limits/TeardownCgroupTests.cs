using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Limits;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Tests.Environments;

namespace PreviewSdk.Core.Tests.Limits;

/// <summary>
/// Stopping and tearing down environments that have cgroups, in PreviewSdk's own folder of this machine's real
/// cgroups (each test with environment ids of its own). Inconclusive where the machine has no usable cgroups.
/// </summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
[DoNotParallelize]
public sealed class TeardownCgroupTests
{
    [TestMethod]
    public void Stop_AlsoStopsAProcessInTheEnvironmentsCgroupThatDoesNotCarryItsId()
    {
        var layout = RequireMachineCgroups();
        var id = MarkedProcess.NewId();
        using var host = MarkedProcess.Start(id);
        // Like a PostgreSQL worker, which overwrites the environment block it inherited.
        using var unmarked = MarkedProcess.Start(environmentId: null);
        ReplicaCgroup.Create(layout, id, "postgres", "postgres-1", new ResourceLimits(1, null)).AddTree(unmarked.Id);

        var left = EnvironmentProcesses.Stop(Record(id, host.Id, "unused"), TimeSpan.FromSeconds(5));

        Assert.IsEmpty(left);
        Assert.IsTrue(unmarked.WaitForExit(TimeSpan.FromSeconds(5)), "the process in the cgroup was stopped");
        Assert.IsNull(EnvironmentCgroups.Remove(id, _ => false));
        Assert.IsFalse(layout.EnvironmentFolders(id).Any(Directory.Exists));
    }

    [TestMethod]
    public void Down_OfAKilledEnvironment_RemovesItsCgroupsAndThoseOtherKilledEnvironmentsLeft()
    {
        var layout = RequireMachineCgroups();
        using var folder = new TempFolder();
        var stateRoot = folder.PathOf("state");
        var project = folder.Write("<Project />", "Shop.Preview.csproj");
        var killed = MarkedProcess.NewId();
        var forgotten = MarkedProcess.NewId();
        var deadHost = MarkedProcess.Start(killed);
        var deadHostId = deadHost.Id;
        deadHost.Dispose();
        StateJson.Write(Path.Combine(new EnvironmentRegistry(stateRoot).FolderOf("shop", "main"), StateFiles.Record), Record(killed, deadHostId, project));
        // What the killed app host left: a service still running in its cgroup, and the cgroups of an environment
        // killed earlier whose state folder is gone.
        using var survivor = MarkedProcess.Start(environmentId: null);
        ReplicaCgroup.Create(layout, killed, "api", "api-1", new ResourceLimits(0.5, 256L << 20)).AddTree(survivor.Id);
        ReplicaCgroup.Create(layout, forgotten, "api", "api-1", new ResourceLimits(0.5, 256L << 20));
        var reporter = new RecordingReporter();

        var down = new PreviewLifecycle(reporter).Down(stateRoot, project, "main");

        Assert.IsTrue(down, string.Join('\n', reporter.Diagnostics));
        Assert.IsTrue(survivor.WaitForExit(TimeSpan.FromSeconds(5)), "the service in the killed environment's cgroup was stopped");
        Assert.IsFalse(layout.EnvironmentFolders(killed).Any(Directory.Exists), "the killed environment's cgroups are gone");
        Assert.IsFalse(layout.EnvironmentFolders(forgotten).Any(Directory.Exists), "the earlier environment's empty cgroups are gone too");
        Assert.IsFalse(Directory.Exists(Path.Combine(stateRoot, "shop", "main")));
    }

    private static CgroupLayout RequireMachineCgroups()
    {
        var detection = CgroupDetector.Detect();
        if (detection.Layout is null)
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(detection.Reason));
            Assert.Inconclusive($"No usable cgroups on this machine: {detection.Reason}");
        }

        return detection.Layout!;
    }

    private static EnvironmentRecord Record(string id, int hostProcessId, string projectPath) => new()
    {
        Name = "main",
        App = "shop",
        Profile = "lightweight",
        EnvironmentId = id,
        HostProcessId = hostProcessId,
        StartedAt = DateTimeOffset.UtcNow,
        ProjectPath = projectPath,
        DashboardUrl = "http://127.0.0.1:1",
    };

    private sealed class RecordingReporter : IPreviewReporter
    {
        public List<PreviewDiagnostic> Diagnostics { get; } = [];

        public void Info(string message)
        {
        }

        public void Report(PreviewDiagnostic diagnostic) => Diagnostics.Add(diagnostic);
    }
}
