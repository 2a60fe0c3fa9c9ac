using System.Diagnostics;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.MigrationWait;
using PreviewSdk.Seeding.Tests.EndToEnd;

namespace PreviewSdk.Seeding.Tests.MigrationWait;

/// <summary>
/// The wait before seeding, against a real database that a stand-in migrator changes while the wait polls: the
/// migrator reports Degraded while it migrates (a 200 to any probe) and applies its EF Core migrations one by one.
/// </summary>
[TestClass]
public sealed class MigrationsDoneWaitTests
{
    private static readonly string[] Migrations = EfHistory.Migrations;

    [TestMethod]
    public async Task EfMigrations_WaitsForEveryMigrationAndForTheServiceToStopReportingDegraded()
    {
        var target = await SeedTarget.CreateAsync("SELECT 1;");
        var degraded = true;
        var progress = new List<string>();
        var wait = new MigrationsDoneWait(Migrations, () => !Volatile.Read(ref degraded), progress.Add);
        await using var connection = await target.OpenAsync();

        var waiting = wait.WaitAsync(connection, SourceLocation.WholeFile("preview.yaml"), "migrator", CancellationToken.None);
        await Task.Delay(1500);
        Assert.IsFalse(waiting.IsCompleted, "done before the history table existed");
        await target.Server.ExecuteAsync(target.Name, EfHistory.Create + EfHistory.Applied(Migrations[0]));
        await Task.Delay(1500);
        Assert.IsFalse(waiting.IsCompleted, "done with one migration of two");
        await target.Server.ExecuteAsync(target.Name, "CREATE TABLE prices (id int); " + EfHistory.Applied(Migrations[1]));
        await Task.Delay(1500);
        Assert.IsFalse(waiting.IsCompleted, "done while the migrator still reports Degraded (it writes its demo rows then)");

        Volatile.Write(ref degraded, false);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        CollectionAssert.Contains(progress, $"1 of 2 migrations applied; waiting for {Migrations[1]}.");
        CollectionAssert.Contains(progress, "2 of 2 migrations applied. Waiting for 'migrator' to run healthy and report no Degraded state.");
        Assert.AreEqual("2 of 2 migrations applied.", progress[^1]);
    }

    [TestMethod]
    public async Task NoMigrationIds_WaitsUntilTheSchemaStopsChanging()
    {
        var target = await SeedTarget.CreateAsync("SELECT 1;");
        var wait = new MigrationsDoneWait(null, () => true, _ => { });
        await using var connection = await target.OpenAsync();
        var stopwatch = Stopwatch.StartNew();

        var waiting = wait.WaitAsync(connection, SourceLocation.WholeFile("preview.yaml"), "migrator", CancellationToken.None);
        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(1000);
            await target.Server.ExecuteAsync(target.Name, $"CREATE TABLE t{i} (id int);");
        }

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.IsGreaterThanOrEqualTo(4 + MigrationsDoneWait.QuietPeriod.TotalSeconds - 0.5, stopwatch.Elapsed.TotalSeconds, "it returned while the schema still changed");
    }

    [TestMethod]
    public async Task SettledServiceThatNeverAppliesAMigration_IsPreview4101NamingIt()
    {
        var target = await SeedTarget.CreateAsync(EfHistory.Create + EfHistory.Applied(Migrations[0]));
        var wait = new MigrationsDoneWait(Migrations, () => true, _ => { }, stallTimeout: TimeSpan.FromSeconds(2));
        await using var connection = await target.OpenAsync();

        var error = await Assert.ThrowsExactlyAsync<MigrationWaitException>(
            () => wait.WaitAsync(connection, new SourceLocation("preview.yaml", 9, 5), "migrator", CancellationToken.None));

        Assert.AreEqual((DiagnosticCodes.MigrationsNotApplied, 9, 5), (error.Diagnostic.Code, error.Diagnostic.Line, error.Diagnostic.Column));
        Assert.StartsWith($"'migrator' is up, but 2 s later the database still lacks these migrations of its EF Core project: {Migrations[1]}.", error.Diagnostic.Message);
    }
}
