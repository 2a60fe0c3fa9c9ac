using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class RegistrySweepTests
{
    [TestMethod]
    public void Run_AfterTheAppHostWasKilled_StopsItsProcessesAndRemovesFolderAndLock()
    {
        using var fixture = new RegistryFixture();
        var (killed, orphan) = fixture.Killed("killed");
        var alive = fixture.Running("alive");
        var reporter = new RecordingReporter();

        var swept = RegistrySweep.Run(fixture.Registry, DateTimeOffset.UtcNow, reporter);

        Assert.AreEqual("killed", swept.Single().Record.Name, reporter.ToString());
        Assert.IsTrue(orphan.WaitForExit(TimeSpan.FromSeconds(10)), "The orphan of the killed environment still runs.");
        Assert.IsFalse(Directory.Exists(killed.Folder), "The killed environment's state folder is still there.");
        Assert.IsFalse(File.Exists(fixture.Registry.EnvironmentLockPath("shop", "killed")), "Its lock file is still there.");
        Assert.IsTrue(Directory.Exists(alive.Folder), "A running environment was swept.");
        Assert.IsTrue(alive.IsAlive);
        CollectionAssert.AreEqual(
            new[] { "Cleaned up preview 'killed' of 'shop': its app host is gone. Team 'shop' has its share of the budget back." },
            reporter.Messages.ToArray());
    }

    [TestMethod]
    public void Run_AnExpiredEnvironmentWhoseHostStillRuns_IsStopped_AKeptOneIsNot()
    {
        using var fixture = new RegistryFixture();
        var expired = fixture.Running("expired", expiresAt: DateTimeOffset.UtcNow.AddSeconds(-1));
        var kept = fixture.Running("kept", keep: true);
        var reporter = new RecordingReporter();

        var swept = RegistrySweep.Run(fixture.Registry, DateTimeOffset.UtcNow, reporter);

        Assert.AreEqual("expired", swept.Single().Record.Name, reporter.ToString());
        Assert.IsFalse(expired.IsAlive, "The expired environment's app host still runs.");
        Assert.IsFalse(Directory.Exists(expired.Folder));
        Assert.IsTrue(kept.IsAlive);
        Assert.StartsWith("Cleaned up preview 'expired' of 'shop': it expired at ", reporter.Messages.Single());
    }

    [TestMethod]
    public void Run_PassesOverAnEnvironmentWhoseLockIsHeld_SuchAsAReservationBeingStarted()
    {
        using var fixture = new RegistryFixture();
        var reservation = fixture.Write(RegistryFixture.Record("starting", MarkedProcess.NewId(), hostProcessId: 0) with { State = EnvironmentState.Starting });
        var reporter = new RecordingReporter();

        using (fixture.Registry.LockEnvironment("shop", "starting", TimeSpan.FromSeconds(5)))
        {
            Assert.IsEmpty(RegistrySweep.Run(fixture.Registry, DateTimeOffset.UtcNow, reporter));
            Assert.IsTrue(Directory.Exists(reservation.Folder), "A reservation whose build still runs was swept.");
        }

        // Its build is gone (the lock is free), and no app host was ever launched: the next sweep removes it.
        var swept = RegistrySweep.Run(fixture.Registry, DateTimeOffset.UtcNow, reporter);

        Assert.AreEqual("starting", swept.Single().Record.Name);
        Assert.IsFalse(Directory.Exists(reservation.Folder));
        Assert.Contains("the build that was starting it is gone", reporter.Messages.Single());
    }

    [TestMethod]
    public void Run_SkipsWhatTheCommandHandlesItself()
    {
        using var fixture = new RegistryFixture();
        var (killed, _) = fixture.Killed("mine");

        var swept = RegistrySweep.Run(fixture.Registry, DateTimeOffset.UtcNow, new RecordingReporter(), entry => entry.Record.Name == "mine");

        Assert.IsEmpty(swept);
        Assert.IsTrue(Directory.Exists(killed.Folder));
    }

    [TestMethod]
    public void Reason_SaysWhyOrNull()
    {
        var now = DateTimeOffset.UtcNow;
        var dead = new EnvironmentEntry("/nowhere", RegistryFixture.Record("a", MarkedProcess.NewId(), hostProcessId: 0));

        Assert.AreEqual("its app host is gone", RegistrySweep.Reason(dead, now));
        Assert.AreEqual("it expired", RegistrySweep.Reason(dead with { Record = dead.Record with { State = EnvironmentState.Expired } }, now));
        using var host = MarkedProcess.Start(dead.Record.EnvironmentId);
        var alive = dead with { Record = dead.Record with { HostProcessId = host.Id, ExpiresAt = now.AddMinutes(1) } };
        Assert.IsNull(RegistrySweep.Reason(alive, now));
        Assert.IsNull(RegistrySweep.Reason(alive with { Record = alive.Record with { ExpiresAt = now.AddMinutes(-1), Keep = true } }, now));
    }
}
