using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

/// <summary>The budget check and reservation of <c>-t:Preview</c>, on real registry folders, locks and processes.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class EnvironmentAdmissionTests
{
    private static readonly EnvironmentFootprint Lightweight = new(1.5, 3L << 29);

    [TestMethod]
    public void TryReserve_WithinTheBudget_WritesAStartingRecord()
    {
        using var fixture = new RegistryFixture();
        fixture.Running("main");
        var reporter = new RecordingReporter();
        var folder = fixture.Registry.FolderOf("shop", "feature-a");

        var admitted = new EnvironmentAdmission(fixture.Registry, reporter)
            .TryReserve(folder, Reservation("feature-a"), Budget(environments: 2), Lightweight, DateTimeOffset.UtcNow);

        Assert.IsTrue(admitted, reporter.ToString());
        var recorded = EnvironmentRegistry.Read(folder)!.Record;
        Assert.AreEqual(EnvironmentState.Starting, recorded.State);
        Assert.AreEqual(("shop", 1.5, 3L << 29), (recorded.Team, recorded.Cpus, recorded.MemoryBytes));
    }

    [TestMethod]
    public void TryReserve_TheTeamsRunningEnvironmentsHoldTheBudget_RefusesWithThemAndStartsNothing()
    {
        using var fixture = new RegistryFixture();
        fixture.Running("main");
        fixture.Running("feature-b", cpus: 2, memory: 1L << 30);
        fixture.Running("other-team", team: "blog");
        var reporter = new RecordingReporter();
        var folder = fixture.Registry.FolderOf("shop", "feature-c");

        var admitted = new EnvironmentAdmission(fixture.Registry, reporter)
            .TryReserve(folder, Reservation("feature-c"), Budget(environments: 2), Lightweight, DateTimeOffset.UtcNow);

        Assert.IsFalse(admitted);
        Assert.IsFalse(Directory.Exists(folder), "A refused start left a state folder.");
        var refusal = reporter.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.BudgetExceeded, refusal.Code);
        Assert.Contains("2 of 2 environments run", refusal.Message);
        var details = refusal.Details!.Split('\n');
        Assert.HasCount(2, details, refusal.Details);
        Assert.StartsWith("    main  app=shop  owner=Ada  age=5m  expires=in 7h5", details[0]);
        Assert.Contains("feature-b  app=shop  owner=Ada  age=5m  expires=in ", details[1]);
        Assert.EndsWith("cpu 2, memory 1Gi", details[1]);
        Assert.DoesNotContain("other-team", refusal.Details);
    }

    [TestMethod]
    public void TryReserve_CpuAndMemoryLimits_CountTheFootprints()
    {
        using var fixture = new RegistryFixture();
        fixture.Running("main", cpus: 3, memory: 1L << 30);
        var reporter = new RecordingReporter();

        var cpuRefused = !new EnvironmentAdmission(fixture.Registry, reporter)
            .TryReserve(fixture.Registry.FolderOf("shop", "a"), Reservation("a"), new TeamBudget("shop", null, 4, null, "b.yaml"), Lightweight, DateTimeOffset.UtcNow);
        var memoryAdmitted = new EnvironmentAdmission(fixture.Registry, reporter)
            .TryReserve(fixture.Registry.FolderOf("shop", "b"), Reservation("b"), new TeamBudget("shop", null, null, 3L << 30, "b.yaml"), Lightweight, DateTimeOffset.UtcNow);

        Assert.IsTrue(cpuRefused, reporter.ToString());
        Assert.IsTrue(memoryAdmitted, reporter.ToString());
        Assert.Contains("cpu 3 held + 1.5 needed > 4", reporter.Diagnostics.Single().Message);
    }

    [TestMethod]
    public void TryReserve_AfterAnEnvironmentOfTheTeamWasKilled_SweepsItAndItsBudgetIsFree()
    {
        using var fixture = new RegistryFixture();
        var (killed, orphan) = fixture.Killed("killed");
        var reporter = new RecordingReporter();
        var folder = fixture.Registry.FolderOf("shop", "next");

        var admitted = new EnvironmentAdmission(fixture.Registry, reporter)
            .TryReserve(folder, Reservation("next"), Budget(environments: 1), Lightweight, DateTimeOffset.UtcNow);

        Assert.IsTrue(admitted, reporter.ToString());
        Assert.IsFalse(Directory.Exists(killed.Folder));
        Assert.IsTrue(orphan.WaitForExit(TimeSpan.FromSeconds(10)), "The killed environment's orphan still runs.");
        Assert.Contains("Cleaned up preview 'killed' of 'shop': its app host is gone.", reporter.Messages.Single());
    }

    [TestMethod]
    public void TryReserve_TooLargeForTheWholeBudget_IsPreview2008()
    {
        using var fixture = new RegistryFixture();
        var reporter = new RecordingReporter();

        var admitted = new EnvironmentAdmission(fixture.Registry, reporter)
            .TryReserve(fixture.Registry.FolderOf("shop", "big"), Reservation("big"), new TeamBudget("shop", 5, 1, null, "b.yaml"), Lightweight, DateTimeOffset.UtcNow);

        Assert.IsFalse(admitted);
        Assert.AreEqual(DiagnosticCodes.EnvironmentLargerThanBudget, reporter.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void TryReserve_WhileAnotherBuildHoldsTheRegistryLock_TimesOutWithPreview2011()
    {
        using var fixture = new RegistryFixture();
        var reporter = new RecordingReporter();
        using var held = fixture.Registry.Lock(TimeSpan.FromSeconds(5));

        var admitted = new EnvironmentAdmission(fixture.Registry, reporter)
            .TryReserve(fixture.Registry.FolderOf("shop", "a"), Reservation("a"), null, Lightweight, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(300));

        Assert.IsFalse(admitted);
        var error = reporter.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.RegistryLocked, error.Code);
        Assert.AreEqual(Path.Combine(fixture.Registry.Root, "registry.lock"), error.File);
    }

    /// <summary>
    /// Two builds start at the same moment for the team's last place. Each holds its own environment's lock (as
    /// <c>-t:Preview</c> does) and goes through the real registry lock file; exactly one may win, in every round.
    /// </summary>
    [TestMethod]
    public void TwoStartsRacingForTheLastSlot_ExactlyOneWins()
    {
        for (var round = 0; round < 10; round++)
        {
            using var fixture = new RegistryFixture();
            fixture.Running("main");
            var budget = Budget(environments: 2);
            var start = new Barrier(2);
            var decided = new Barrier(2);
            var reporters = new[] { new RecordingReporter(), new RecordingReporter() };
            var results = new bool[2];
            var contenders = Enumerable.Range(0, 2).Select(index => new Thread(() =>
            {
                var name = $"racer-{index}";
                using var environmentLock = fixture.Registry.LockEnvironment("shop", name, TimeSpan.FromSeconds(10));
                start.SignalAndWait();
                results[index] = new EnvironmentAdmission(fixture.Registry, reporters[index])
                    .TryReserve(fixture.Registry.FolderOf("shop", name), Reservation(name), budget, Lightweight, DateTimeOffset.UtcNow);
                // The winner's build holds its lock until its app host runs; the loser decided while it did.
                decided.SignalAndWait();
            })).ToList();

            contenders.ForEach(thread => thread.Start());
            contenders.ForEach(thread => Assert.IsTrue(thread.Join(TimeSpan.FromSeconds(60)), "A contender hung."));

            Assert.AreEqual(1, results.Count(won => won), $"Round {round}: {string.Join(", ", results)}\n{reporters[0]}\n{reporters[1]}");
            var loser = Array.IndexOf(results, false);
            var refusal = reporters[loser].Diagnostics.Single();
            Assert.AreEqual(DiagnosticCodes.BudgetExceeded, refusal.Code);
            Assert.Contains($"racer-{1 - loser}  app=shop", refusal.Details!, "The refusal does not name the winner's reservation.");
            Assert.Contains("main  app=shop", refusal.Details!);
            Assert.IsFalse(Directory.Exists(fixture.Registry.FolderOf("shop", $"racer-{loser}")));
            Assert.HasCount(2, fixture.Registry.List().Where(entry => entry.Record.Team == "shop").ToList());
        }
    }

    private static TeamBudget Budget(int environments) => new("shop", environments, null, null, "/repo/preview.yaml");

    private static EnvironmentRecord Reservation(string name) =>
        RegistryFixture.Record(name, MarkedProcess.NewId(), hostProcessId: 0) with { State = EnvironmentState.Starting, StartedAt = DateTimeOffset.UtcNow };
}
