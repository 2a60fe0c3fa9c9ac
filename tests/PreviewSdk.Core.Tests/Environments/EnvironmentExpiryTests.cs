using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class EnvironmentExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Extend_ByATimeToLive_ExpiresThatLongFromNow_AndEndsAKeep()
    {
        var record = RegistryFixture.Record("main", "id", 1) with { Keep = true, ExpiresAt = null };

        var extended = EnvironmentExpiry.Extend(record, TimeSpan.FromHours(2), keep: false, Now);

        Assert.AreEqual((false, (DateTimeOffset?)Now.AddHours(2)), (extended.Keep, extended.ExpiresAt));
    }

    [TestMethod]
    public void Extend_WithoutATimeToLive_GrantsTheProfilesAgain()
    {
        var record = RegistryFixture.Record("main", "id", 1) with { ExpiresAt = Now.AddMinutes(3), DefaultTimeToLive = TimeSpan.FromHours(4) };

        Assert.AreEqual(Now.AddHours(4), EnvironmentExpiry.Extend(record, null, keep: false, Now).ExpiresAt);
    }

    [TestMethod]
    public void Extend_Keep_ExemptsFromExpiry()
    {
        var record = RegistryFixture.Record("main", "id", 1) with { ExpiresAt = Now.AddMinutes(3) };

        var kept = EnvironmentExpiry.Extend(record, TimeSpan.FromHours(1), keep: true, Now);

        Assert.IsTrue(kept.Keep);
        Assert.IsNull(kept.ExpiresAt);
        Assert.IsFalse(kept.HasExpired(Now.AddYears(1)));
    }

    [TestMethod]
    public void ExtendOwn_ExtendsTheRecordOfThisRunOnly_UnderTheEnvironmentsLock()
    {
        using var fixture = new RegistryFixture();
        var entry = fixture.Write(fixture.Running("main", expiresAt: Now.AddMinutes(1)).Record with { DefaultTimeToLive = TimeSpan.FromHours(8) });
        var id = entry.Record.EnvironmentId;

        Assert.AreEqual(Now.AddHours(8), EnvironmentExpiry.ExtendOwn(entry.Folder, id, null, Now, TimeSpan.FromSeconds(5))!.ExpiresAt);
        Assert.AreEqual(Now.AddHours(8), EnvironmentRegistry.Read(entry.Folder)!.Record.ExpiresAt, "written to the record the expiry watcher reads");
        Assert.IsNull(EnvironmentExpiry.ExtendOwn(entry.Folder, "another-run", TimeSpan.FromHours(1), Now, TimeSpan.FromSeconds(5)));
        using (fixture.Registry.LockEnvironment("shop", "main", TimeSpan.FromSeconds(5)))
        {
            Assert.ThrowsExactly<TimeoutException>(() => EnvironmentExpiry.ExtendOwn(entry.Folder, id, TimeSpan.FromHours(1), Now, TimeSpan.FromMilliseconds(200)));
        }
    }

    [TestMethod]
    public void TryBegin_BeforeExpiry_OrKept_OrAnotherRun_DoesNothing()
    {
        using var fixture = new RegistryFixture();
        var entry = fixture.Running("main", expiresAt: DateTimeOffset.UtcNow.AddMinutes(5));
        var id = entry.Record.EnvironmentId;

        Assert.IsNull(EnvironmentExpiry.TryBegin(entry.Folder, id, DateTimeOffset.UtcNow));
        Assert.IsNull(EnvironmentExpiry.TryBegin(entry.Folder, "another-run", DateTimeOffset.UtcNow.AddHours(1)));
        fixture.Write(entry.Record with { Keep = true, ExpiresAt = null });
        Assert.IsNull(EnvironmentExpiry.TryBegin(entry.Folder, id, DateTimeOffset.UtcNow.AddDays(30)));
        Assert.AreEqual(EnvironmentState.Running, EnvironmentRegistry.Read(entry.Folder)!.Record.State);
    }

    [TestMethod]
    public void TryBegin_WhileABuildHoldsTheLock_WaitsForTheNextCheck()
    {
        using var fixture = new RegistryFixture();
        var entry = fixture.Running("main", expiresAt: DateTimeOffset.UtcNow.AddSeconds(-1));

        using (fixture.Registry.LockEnvironment("shop", "main", TimeSpan.FromSeconds(5)))
        {
            Assert.IsNull(EnvironmentExpiry.TryBegin(entry.Folder, entry.Record.EnvironmentId, DateTimeOffset.UtcNow));
        }

        using var environmentLock = EnvironmentExpiry.TryBegin(entry.Folder, entry.Record.EnvironmentId, DateTimeOffset.UtcNow);
        Assert.IsNotNull(environmentLock);
    }

    [TestMethod]
    public void TryBeginThenFinish_MarksExpired_ThenLeavesNoProcessFolderOrLock()
    {
        using var fixture = new RegistryFixture();
        var entry = fixture.Running("main", expiresAt: DateTimeOffset.UtcNow.AddSeconds(-1));
        var resource = fixture.Track(MarkedProcess.Start(entry.Record.EnvironmentId));
        var reporter = new RecordingReporter();

        var environmentLock = EnvironmentExpiry.TryBegin(entry.Folder, entry.Record.EnvironmentId, DateTimeOffset.UtcNow);

        Assert.IsNotNull(environmentLock);
        Assert.AreEqual(EnvironmentState.Expired, EnvironmentRegistry.Read(entry.Folder)!.Record.State);
        // While the app host stops, sweeps pass over it (it holds the lock), and a listing says what is happening.
        Assert.IsEmpty(RegistrySweep.Run(fixture.Registry, DateTimeOffset.UtcNow, reporter));
        Assert.Contains("expired (stopping itself)", EnvironmentListRenderer.Render(fixture.Registry.List(), DateTimeOffset.UtcNow));

        Assert.IsTrue(EnvironmentExpiry.Finish(entry.Folder, entry.Record.EnvironmentId, environmentLock));

        Assert.IsTrue(resource.WaitForExit(TimeSpan.FromSeconds(10)), "A process of the expired environment still runs.");
        Assert.IsFalse(Directory.Exists(entry.Folder));
        Assert.IsFalse(File.Exists(fixture.Registry.EnvironmentLockPath("shop", "main")));
    }

    [TestMethod]
    public void AnExpiredRecordWhoseHostDiedBeforeFinishing_IsSweptByTheNextCommand()
    {
        using var fixture = new RegistryFixture();
        var entry = fixture.Running("main", expiresAt: DateTimeOffset.UtcNow.AddSeconds(-1));
        var environmentLock = EnvironmentExpiry.TryBegin(entry.Folder, entry.Record.EnvironmentId, DateTimeOffset.UtcNow)!;
        environmentLock.Dispose();
        var reporter = new RecordingReporter();

        var swept = RegistrySweep.Run(fixture.Registry, DateTimeOffset.UtcNow, reporter);

        Assert.AreEqual("main", swept.Single().Record.Name);
        Assert.Contains(": it expired.", reporter.Messages.Single());
        Assert.IsFalse(entry.IsAlive);
    }

    [TestMethod]
    public void Lifecycle_Extend_UpdatesTheRecordTheAppHostReads()
    {
        using var fixture = new RegistryFixture();
        var project = Path.Combine(fixture.Root, "Shop.Preview.csproj");
        var entry = fixture.Write(fixture.Running("main").Record with { ProjectPath = project, ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1) });
        var reporter = new RecordingReporter();
        var lifecycle = new PreviewLifecycle(reporter);

        Assert.IsTrue(lifecycle.Extend(fixture.Registry.Root, project, "main", TimeSpan.FromHours(3), keep: false), reporter.ToString());
        var extended = EnvironmentRegistry.Read(entry.Folder)!.Record;
        Assert.IsGreaterThan(DateTimeOffset.UtcNow.AddHours(2.9), extended.ExpiresAt!.Value);
        Assert.StartsWith("Preview 'main' of 'shop' now expires at ", reporter.Messages.Single());

        Assert.IsTrue(lifecycle.Extend(fixture.Registry.Root, project, "main", null, keep: true), reporter.ToString());
        Assert.IsTrue(EnvironmentRegistry.Read(entry.Folder)!.Record.Keep);
        Assert.AreEqual("Preview 'main' of 'shop' is kept: it does not expire, and still counts against the budget of team 'shop'. Stop it with -t:PreviewDown.", reporter.Messages[1]);
    }

    [TestMethod]
    public void Lifecycle_Extend_OfAnEnvironmentThatDoesNotRun_IsPreview2012()
    {
        using var fixture = new RegistryFixture();
        var project = Path.Combine(fixture.Root, "Shop.Preview.csproj");
        var (killed, _) = fixture.Killed("main");
        fixture.Write(killed.Record with { ProjectPath = project });
        var reporter = new RecordingReporter();

        var extended = new PreviewLifecycle(reporter).Extend(fixture.Registry.Root, project, "main", null, keep: false);

        Assert.IsFalse(extended);
        Assert.AreEqual(DiagnosticCodes.EnvironmentNotRunning, reporter.Diagnostics.Single().Code);
        Assert.AreEqual(
            "Preview 'main' of Shop.Preview.csproj is not running, so its time to live cannot be extended. Fix: start it with -t:Preview (-p:PreviewTtl= or -p:PreviewKeep=true set its time to live from the start), or name a running environment with -p:PreviewName=.",
            reporter.Diagnostics.Single().Message);
        Assert.IsFalse(Directory.Exists(killed.Folder), "The dead environment was not swept.");
    }
}
