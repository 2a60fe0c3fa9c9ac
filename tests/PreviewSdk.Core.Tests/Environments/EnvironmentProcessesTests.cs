using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

/// <summary>Finding and stopping an environment's processes by the id they carry, with real child processes.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class EnvironmentProcessesTests
{
    [TestMethod]
    public void Find_ReturnsExactlyTheProcessesCarryingTheId()
    {
        var id = MarkedProcess.NewId();
        using var first = MarkedProcess.Start(id);
        using var second = MarkedProcess.Start(id);
        using var other = MarkedProcess.Start(MarkedProcess.NewId());
        using var unmarked = MarkedProcess.Start(environmentId: null);

        var found = EnvironmentProcesses.Find(id);

        CollectionAssert.AreEquivalent(new[] { first.Id, second.Id }, found.ToArray());
        Assert.IsEmpty(EnvironmentProcesses.Find(MarkedProcess.NewId()));
    }

    [TestMethod]
    public void Find_IdIsMatchedWhole_NotAsAPrefix()
    {
        var id = MarkedProcess.NewId();
        using var longer = MarkedProcess.Start(id + "-suffix");

        Assert.IsEmpty(EnvironmentProcesses.Find(id));
    }

    [TestMethod]
    public void IsHostAlive_OnlyForALiveProcessCarryingTheRecordsId()
    {
        var id = MarkedProcess.NewId();
        using var host = MarkedProcess.Start(id);
        using var unmarked = MarkedProcess.Start(environmentId: null);

        Assert.IsTrue(EnvironmentProcesses.IsHostAlive(Record(id, host.Id)));
        Assert.IsFalse(EnvironmentProcesses.IsHostAlive(Record(id, unmarked.Id)), "a reused pid without the marker is not the host");
        Assert.IsFalse(EnvironmentProcesses.IsHostAlive(Record(MarkedProcess.NewId(), host.Id)), "another environment's process is not the host");
        Assert.IsFalse(EnvironmentProcesses.IsHostAlive(Record(id, int.MaxValue)), "no such process");
    }

    [TestMethod]
    public void IsHostAlive_ForAnAppHostThatRegisteredItself_ByItsStartTime()
    {
        // F5: the app host chose the id after it started, so its own environment block cannot carry it.
        using var host = MarkedProcess.Start(environmentId: null);
        var started = EnvironmentProcesses.StartTimeOf(host.Id);

        Assert.IsNotNull(started);
        Assert.IsTrue(EnvironmentProcesses.IsHostAlive(Record(MarkedProcess.NewId(), host.Id) with { HostStartTime = started }));
        Assert.IsFalse(EnvironmentProcesses.IsHostAlive(Record(MarkedProcess.NewId(), host.Id) with { HostStartTime = started - 1 }), "a reused pid started at another time");
        var pid = host.Id;
        host.Dispose();
        Assert.IsNull(EnvironmentProcesses.StartTimeOf(pid), "it is gone");
    }

    [TestMethod]
    public void Stop_TerminatesTheHostAndReturnsNothingLeft()
    {
        var id = MarkedProcess.NewId();
        using var host = MarkedProcess.Start(id);
        using var bystander = MarkedProcess.Start(MarkedProcess.NewId());
        CollectionAssert.AreEqual(new[] { host.Id }, EnvironmentProcesses.Find(id).ToArray());

        var left = EnvironmentProcesses.Stop(Record(id, host.Id), TimeSpan.FromSeconds(5));

        Assert.IsEmpty(left);
        Assert.IsTrue(host.WaitForExit(TimeSpan.FromSeconds(5)), "the host process is gone");
        Assert.IsEmpty(EnvironmentProcesses.Find(id));
        Assert.IsFalse(bystander.HasExited, "a process of another environment is left alone");
    }

    [TestMethod]
    public void Stop_HostAlreadyGone_StopsTheOrphansThatCarryTheId()
    {
        var id = MarkedProcess.NewId();
        using var orphan = MarkedProcess.Start(id);

        // The recorded app host is gone (no such pid); what it started still carries the id.
        var left = EnvironmentProcesses.Stop(Record(id, int.MaxValue), TimeSpan.FromSeconds(1));

        Assert.IsEmpty(left);
        Assert.IsTrue(orphan.WaitForExit(TimeSpan.FromSeconds(5)));
    }

    [TestMethod]
    public void Stop_ProcessIgnoringSigterm_IsKilled()
    {
        var id = MarkedProcess.NewId();

        // The shell and its sleep both ignore SIGTERM (an ignored signal stays ignored across exec).
        using var stubborn = MarkedProcess.Start(id, "trap '' TERM; sleep 60; true");
        WaitFor(() => EnvironmentProcesses.Find(id).Count == 2, "the shell and its sleep carry the id");

        var left = EnvironmentProcesses.Stop(Record(id, stubborn.Id), TimeSpan.FromMilliseconds(500));

        Assert.IsEmpty(left);
        Assert.IsTrue(stubborn.WaitForExit(TimeSpan.FromSeconds(5)));
        Assert.IsEmpty(EnvironmentProcesses.Find(id));
    }

    private static EnvironmentRecord Record(string environmentId, int hostProcessId) => new()
    {
        Name = "test",
        App = "app",
        Profile = "lightweight",
        EnvironmentId = environmentId,
        HostProcessId = hostProcessId,
        StartedAt = DateTimeOffset.UtcNow,
        DashboardUrl = "http://127.0.0.1:1",
    };

    private static void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, "Timed out waiting until " + what);
            Thread.Sleep(20);
        }
    }
}
