using System.Diagnostics;
using System.Net;
using PreviewSdk.EndToEnd.Tests.Infrastructure;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// An app host killed with SIGKILL cannot stop its resources; PostgreSQL, Redis and the services live on without it.
/// The next PreviewDown or Preview of that environment must find and stop them.
/// </summary>
[TestClass]
public sealed class KilledAppHostTests(TestContext testContext)
{
    [TestMethod]
    public void PreviewDown_AfterTheAppHostWasKilled_StopsEveryProcessOfTheEnvironment()
    {
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "kill", testContext);
        var up = preview.Preview();
        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var record = preview.ReadEnvironment();
        var links = preview.ReadLinks();
        var addresses = EnvironmentAssert.AllAddresses(preview, links);
        var dataFolders = StateFiles.DataFolders(preview.StateFolder);

        KillAppHost(record);

        var down = preview.Down();

        Assert.AreEqual(0, down.ExitCode, down.ToString());
        Assert.Contains($"Preview '{preview.Name}' of 'shop' is down.", down.Output, down.ToString());
        EnvironmentAssert.LeftNothingBehind(preview, [record.EnvironmentId], down);
        EnvironmentAssert.NothingListensAt(addresses);
        foreach (var folder in dataFolders)
        {
            Assert.IsFalse(Directory.Exists(folder), $"The data folder {folder} is still there. {down}");
        }
    }

    [TestMethod]
    public async Task Preview_AfterTheAppHostWasKilled_CleansUpAndStartsANewEnvironment()
    {
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "rekill", testContext);
        // A budget of one environment: the killed one must not hold it against its own new start.
        var budgetFile = Path.Combine(preview.StateRoot, "budgets.yaml");
        File.WriteAllText(budgetFile, "teams:\n  shop: { environments: 1 }\n");
        string[] withBudget = [$"-p:PreviewBudgetFile={budgetFile}"];
        var first = preview.Preview(withBudget);
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        var killed = preview.ReadEnvironment();
        // Folders inside the state folder are the new environment's too; those linked from outside were only the killed one's.
        var killedDataFolders = StateFiles.DataFolders(preview.StateFolder)
            .Where(folder => !folder.StartsWith(preview.StateFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();

        KillAppHost(killed);
        // The new start without authentication: warned about in its output, and its links open without a token.
        var again = preview.Preview([.. withBudget, "-p:PreviewAuth=none"]);

        Assert.AreEqual(0, again.ExitCode, again.ToString());
        Assert.Contains($"warning PREVIEW5001: Preview '{preview.Name}' runs without authentication (PreviewAuth=none)", again.Output, again.ToString());
        Assert.DoesNotContain("PREVIEW5002", again.Output, "The gateway listens on the loopback only.");
        Assert.IsFalse(File.Exists(Path.Combine(preview.StateFolder, "access-token")), "An environment without authentication has a token.");
        Assert.Contains($"Cleaning up preview '{preview.Name}', whose app host is gone.", again.Output, again.ToString());
        var fresh = preview.ReadEnvironment();
        var links = preview.ReadLinks();
        EnvironmentAssert.PrintedLinksTable(again, links, $"Preview '{preview.Name}' (lightweight) is up in ");
        Assert.AreNotEqual(killed.EnvironmentId, fresh.EnvironmentId, "The killed environment was reported as the new one.");
        var leftovers = EnvironmentProcessTable.Carrying(killed.EnvironmentId);
        Assert.IsEmpty(leftovers, $"Processes of the killed environment still run:\n{string.Join('\n', leftovers)}\n{again}");
        foreach (var folder in killedDataFolders)
        {
            Assert.IsFalse(Directory.Exists(folder), $"The killed environment's data folder {folder} is still there. {again}");
        }

        Assert.IsTrue(EnvironmentProcessTable.Carries(fresh.HostProcessId, fresh.EnvironmentId), "The new app host does not run.");
        Assert.AreEqual(links.Directory, links.SharedLink, "Without authentication the shared link carries no token.");
        Assert.IsFalse(links.TokenRequired);
        using var browser = new Browser();
        foreach (var service in links.Services)
        {
            var page = await browser.GetAsync(service.Url, testContext.CancellationToken);
            Assert.AreEqual(HttpStatusCode.OK, page.Status, $"{service.Name}: {page}");
        }

        var down = preview.Down();
        Assert.AreEqual(0, down.ExitCode, down.ToString());
        EnvironmentAssert.LeftNothingBehind(preview, [killed.EnvironmentId, fresh.EnvironmentId], down);
    }

    /// <summary>
    /// The budget a killed environment held is released by the next command of anyone: here another environment's
    /// start sweeps it up (its processes, folders and lock) under the registry lock and takes the freed place.
    /// </summary>
    [TestMethod]
    public void AnotherEnvironmentsPreview_AfterAnAppHostWasKilled_SweepsItUpAndGetsItsBudget()
    {
        using var killed = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "swept", testContext);
        using var next = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "next", testContext, killed.StateRoot);
        var budgetFile = Path.Combine(killed.StateRoot, "budgets.yaml");
        File.WriteAllText(budgetFile, "teams:\n  shop: { environments: 1 }\n");
        string[] withBudget = [$"-p:PreviewBudgetFile={budgetFile}"];
        var up = killed.Preview(withBudget);
        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var record = killed.ReadEnvironment();
        var dataFolders = StateFiles.DataFolders(killed.StateFolder);

        KillAppHost(record);
        var start = next.Preview(withBudget);

        Assert.AreEqual(0, start.ExitCode, start.ToString());
        Assert.Contains($"Cleaned up preview '{killed.Name}' of 'shop': its app host is gone. Team 'shop' has its share of the budget back.", start.Output, start.ToString());
        Assert.Contains($"Preview '{next.Name}' (lightweight) is up in ", start.Output, start.ToString());
        EnvironmentAssert.LeftNothingBehind(killed, [record.EnvironmentId], start);
        Assert.IsFalse(File.Exists(Path.Combine(killed.StateRoot, "locks", $"shop--{killed.Name}.lock")), "The killed environment's lock file is still there.");
        foreach (var folder in dataFolders)
        {
            Assert.IsFalse(Directory.Exists(folder), $"The killed environment's data folder {folder} is still there. {start}");
        }

        var down = next.Down();
        Assert.AreEqual(0, down.ExitCode, down.ToString());
        EnvironmentAssert.LeftNothingBehind(next, next.SeenEnvironmentIds, down);
    }

    // kill -9 of the recorded app host; returns once the kernel has taken it down (it may stay a zombie).
    private void KillAppHost(StateFiles.EnvironmentFile record)
    {
        Assert.IsTrue(EnvironmentProcessTable.Carries(record.HostProcessId, record.EnvironmentId), $"The app host {record.HostProcessId} does not run.");
        EnvironmentProcessTable.Kill(record.HostProcessId);
        var stopwatch = Stopwatch.StartNew();
        while (EnvironmentProcessTable.Carries(record.HostProcessId, record.EnvironmentId))
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(10), stopwatch.Elapsed, $"The app host {record.HostProcessId} survived SIGKILL.");
            Thread.Sleep(100);
        }

        // What the app host left running: what the next command has to stop.
        var orphans = EnvironmentProcessTable.Carrying(record.EnvironmentId);
        testContext.WriteLine($"After SIGKILL of the app host, {orphans.Count} processes carry the environment id:\n{string.Join('\n', orphans)}");
    }
}
