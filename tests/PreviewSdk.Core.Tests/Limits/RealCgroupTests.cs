using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Limits;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Tests.Environments;

namespace PreviewSdk.Core.Tests.Limits;

/// <summary>
/// Limits on this machine's real cgroups, with real processes: the kernel's view of membership, the control
/// files, the limits enforced (a process over its memory limit is killed), and the removal after a teardown.
/// Inconclusive, after checking that the detection says why, where the machine has no usable cgroups.
/// </summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
[DoNotParallelize]
public sealed class RealCgroupTests
{
    private const long Mi = 1024 * 1024;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Detect_OnThisMachine_SaysWhetherCgroupsCanBeUsedAndWhy()
    {
        using var cgroups = new TestCgroups();

        TestContext.WriteLine(cgroups.Detection.IsAvailable ? $"{cgroups.Detection.Layout!.Describe()}: {string.Join(", ", cgroups.Detection.Layout.Roots)}" : cgroups.Detection.Reason!);
        if (cgroups.Detection.Layout is { } layout)
        {
            Assert.IsTrue(layout.Roots.All(Directory.Exists), "the detection prepared PreviewSdk's folders");
            Assert.IsNull(cgroups.Detection.Reason);
        }
        else
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(cgroups.Detection.Reason));
        }
    }

    [TestMethod]
    public void AddTree_PutsARealProcessIntoTheReplicasCgroupWithItsLimits()
    {
        using var cgroups = new TestCgroups();
        var layout = cgroups.Require();
        using var process = MarkedProcess.Start(environmentId: null);

        var cgroup = ReplicaCgroup.Create(layout, "env1", "api", "api-1", new ResourceLimits(0.5, 64 * Mi));
        var moved = cgroup.AddTree(process.Id);

        CollectionAssert.AreEqual(new[] { process.Id }, moved.ToArray());
        CollectionAssert.AreEqual(new[] { process.Id }, cgroup.Processes().ToArray());
        Assert.IsTrue(cgroup.Folders.All(folder => TestCgroups.Holds(folder, process.Id)), File.ReadAllText($"/proc/{process.Id}/cgroup"));
        if (layout.Version == CgroupVersion.V2)
        {
            Assert.AreEqual("50000 100000", File.ReadAllText(Path.Combine(cgroup.Folders[0], "cpu.max")).Trim());
            Assert.AreEqual("67108864", File.ReadAllText(Path.Combine(cgroup.Folders[0], "memory.max")).Trim());
        }
        else
        {
            Assert.AreEqual("50000", File.ReadAllText(Path.Combine(cgroup.Folders[0], "cpu.cfs_quota_us")).Trim());
            Assert.AreEqual("100000", File.ReadAllText(Path.Combine(cgroup.Folders[0], "cpu.cfs_period_us")).Trim());
            Assert.AreEqual("67108864", File.ReadAllText(Path.Combine(cgroup.Folders[1], "memory.limit_in_bytes")).Trim());
        }
    }

    [TestMethod]
    public void AddTree_MovesChildrenStartedBeforeAndChildrenStartedAfterwardsStartInside()
    {
        using var cgroups = new TestCgroups();
        var layout = cgroups.Require();
        using var folder = new TempFolder();
        var go = folder.PathOf("go");
        // Like `dotnet run`: one child already runs when the process is moved, the other starts afterwards.
        using var parent = MarkedProcess.Start(null, $"sleep 61 & while [ ! -e '{go}' ]; do sleep 0.05; done; sleep 62 & wait");
        var before = WaitForChild(parent.Id, "61");

        var cgroup = ReplicaCgroup.Create(layout, "env1", "api", "api-1", new ResourceLimits(1, 128 * Mi));
        var moved = cgroup.AddTree(parent.Id);
        File.WriteAllText(go, string.Empty);
        var after = WaitForChild(parent.Id, "62");

        CollectionAssert.Contains(moved.ToList(), before);
        CollectionAssert.IsSubsetOf(new[] { parent.Id, before, after }, cgroup.Processes().ToList());
        Assert.IsTrue(cgroup.Folders.All(path => TestCgroups.Holds(path, after)), "a child started after the move is inside in every hierarchy");
    }

    [TestMethod]
    public void MemoryLimit_IsEnforcedByTheKernel()
    {
        using var cgroups = new TestCgroups();
        var layout = cgroups.Require();
        using var folder = new TempFolder();
        var go = folder.PathOf("go");
        // tail keeps a line without newline in memory: 300 MB of zeros asks for 300 MB.
        using var process = MarkedProcess.Start(null, $"while [ ! -e '{go}' ]; do sleep 0.05; done; head -c 300000000 /dev/zero | tail");

        var cgroup = ReplicaCgroup.Create(layout, "env1", "hungry", "hungry-1", new ResourceLimits(null, 32 * Mi));
        cgroup.AddTree(process.Id);
        File.WriteAllText(go, string.Empty);

        Assert.IsTrue(process.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.AreEqual(137, process.ExitCode, "tail was killed (SIGKILL) by the out-of-memory killer of its cgroup");
        var events = layout.Version == CgroupVersion.V2 ? Path.Combine(cgroup.Folders[0], "memory.events") : Path.Combine(cgroup.Folders[1], "memory.oom_control");
        var kills = File.ReadAllLines(events).Single(line => line.StartsWith("oom_kill ", StringComparison.Ordinal));
        Assert.AreNotEqual("oom_kill 0", kills);
    }

    [TestMethod]
    public void CpuLimit_IsEnforcedByTheKernel()
    {
        using var cgroups = new TestCgroups();
        var layout = cgroups.Require();
        using var folder = new TempFolder();
        var go = folder.PathOf("go");
        using var process = MarkedProcess.Start(null, $"while [ ! -e '{go}' ]; do sleep 0.05; done; while :; do :; done");

        var cgroup = ReplicaCgroup.Create(layout, "env1", "busy", "busy-1", new ResourceLimits(0.05, null));
        cgroup.AddTree(process.Id);
        File.WriteAllText(go, string.Empty);

        // A busy loop allowed 5 ms per 100 ms period is throttled within a few periods.
        var stat = Path.Combine(cgroup.Folders[0], "cpu.stat");
        Assert.IsTrue(SpinWait.SpinUntil(() => Throttled(stat) > 0, TimeSpan.FromSeconds(30)), File.ReadAllText(stat));
    }

    [TestMethod]
    public void Remove_DeletesAnEnvironmentsCgroupsOnceItsProcessesExited()
    {
        using var cgroups = new TestCgroups();
        var layout = cgroups.Require();
        var process = MarkedProcess.Start(environmentId: null);
        ReplicaCgroup.Create(layout, "env1", "api", "api-1", new ResourceLimits(0.5, 64 * Mi)).AddTree(process.Id);
        CollectionAssert.AreEqual(new[] { process.Id }, EnvironmentCgroups.ProcessesOf(layout, "env1").ToArray());

        process.Dispose();
        var failure = EnvironmentCgroups.Remove(layout, "env1", TimeSpan.FromSeconds(5));

        Assert.IsNull(failure, failure?.Message);
        Assert.IsFalse(layout.EnvironmentFolders("env1").Any(Directory.Exists));
    }

    [TestMethod]
    public void Remove_WhileAProcessStaysInside_SaysWhichCgroupAndProcess()
    {
        using var cgroups = new TestCgroups();
        var layout = cgroups.Require();
        using var process = MarkedProcess.Start(environmentId: null);
        var cgroup = ReplicaCgroup.Create(layout, "env1", "api", "api-1", ResourceLimits.None with { Cpus = 1 });
        cgroup.AddTree(process.Id);

        var failure = EnvironmentCgroups.Remove(layout, "env1", TimeSpan.Zero);

        Assert.IsNotNull(failure);
        Assert.AreEqual(cgroup.Folders[0], failure.Path);
        StringAssert.Contains(failure.Message, $"it still holds processes {process.Id}");
    }

    [TestMethod]
    public void RemoveStale_RemovesOnlyEmptyCgroupsOfEnvironmentsNoProcessCarries()
    {
        using var cgroups = new TestCgroups();
        var layout = cgroups.Require();
        var killed = MarkedProcess.Start(environmentId: null);
        using var running = MarkedProcess.Start(environmentId: null);
        ReplicaCgroup.Create(layout, "killed", "api", "api-1", new ResourceLimits(1, null)).AddTree(killed.Id);
        ReplicaCgroup.Create(layout, "running", "api", "api-1", new ResourceLimits(1, null)).AddTree(running.Id);
        ReplicaCgroup.Create(layout, "starting", "api", "api-1", new ResourceLimits(1, null));
        killed.Dispose();
        Assert.IsTrue(SpinWait.SpinUntil(() => EnvironmentCgroups.ProcessesOf(layout, "killed").Count == 0, TimeSpan.FromSeconds(5)));

        var removed = EnvironmentCgroups.RemoveStale(layout, id => id == "starting");

        CollectionAssert.AreEqual(new[] { "killed" }, removed.ToArray());
        Assert.IsFalse(layout.EnvironmentFolders("killed").Any(Directory.Exists));
        Assert.IsTrue(layout.EnvironmentFolders("running").All(Directory.Exists), "a cgroup with a process in it stays");
        Assert.IsTrue(layout.EnvironmentFolders("starting").All(Directory.Exists), "an environment whose processes carry its id keeps its cgroups");
    }

    private static int WaitForChild(int parent, string argument)
    {
        var child = 0;
        Assert.IsTrue(SpinWait.SpinUntil(() => (child = ChildRunning(parent, argument)) > 0, TimeSpan.FromSeconds(10)), $"sleep {argument} did not start");
        return child;
    }

    private static int ChildRunning(int parent, string argument)
    {
        foreach (var child in ProcessTree.Children(parent))
        {
            try
            {
                if (File.ReadAllText($"/proc/{child}/cmdline").Split('\0').SequenceEqual(["sleep", argument, ""]))
                {
                    return child;
                }
            }
            catch (IOException)
            {
                // Exited meanwhile.
            }
        }

        return 0;
    }

    private static long Throttled(string cpuStat) =>
        File.ReadAllLines(cpuStat)
            .Select(line => line.Split(' '))
            .Where(parts => parts[0] == "nr_throttled")
            .Select(parts => long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture))
            .SingleOrDefault();
}
