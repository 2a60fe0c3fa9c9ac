using System.Diagnostics;
using PreviewSdk.EndToEnd.Tests.Infrastructure;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// Time to live: an environment is kept, then extended to a few seconds, and then tears itself down with no
/// command run: its app host stops everything and deletes its state.
/// </summary>
[TestClass]
public sealed class ExpiryTests(TestContext testContext)
{
    [TestMethod]
    public void AnEnvironmentWhoseTimeToLivePasses_TearsItselfDown_WithoutAnyCommand()
    {
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "ttl", testContext);
        var up = preview.Preview(["-p:PreviewTtl=1h"]);
        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var record = preview.ReadEnvironment();
        Assert.AreEqual(record.StartedAt.AddHours(1), record.ExpiresAt, "PreviewTtl=1h is not what environment.json records.");
        var addresses = EnvironmentAssert.AllAddresses(preview, preview.ReadLinks());
        var dataFolders = StateFiles.DataFolders(preview.StateFolder);

        var keep = preview.Extend("-p:PreviewKeep=true");
        Assert.AreEqual(0, keep.ExitCode, keep.ToString());
        Assert.Contains($"Preview '{preview.Name}' of 'shop' is kept: it does not expire, and still counts against the budget of team 'shop'.", keep.Output, keep.ToString());
        var list = preview.List();
        Assert.Contains($"{preview.Name}  app=shop  profile=lightweight  up  age=", list.Output, list.ToString());
        Assert.Contains("  expires=kept  ", list.Output, list.ToString());

        var extend = preview.Extend("-p:PreviewTtl=5s");
        Assert.AreEqual(0, extend.ExitCode, extend.ToString());
        Assert.Contains($"Preview '{preview.Name}' of 'shop' now expires at ", extend.Output, extend.ToString());
        var extended = preview.ReadEnvironment();
        Assert.IsFalse(extended.Keep);

        // No command from here on: the app host reads the new expiry, stops itself and removes its state.
        var stopwatch = Stopwatch.StartNew();
        while (Directory.Exists(preview.StateFolder) || EnvironmentProcessTable.Carrying(record.EnvironmentId).Count > 0)
        {
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(120))
            {
                var log = Path.Combine(preview.StateFolder, "apphost.log");
                Assert.Fail($"The environment did not tear itself down. Processes: {string.Join('\n', EnvironmentProcessTable.Carrying(record.EnvironmentId))}\n{(File.Exists(log) ? File.ReadAllText(log) : "(no app host log)")}");
            }

            Thread.Sleep(500);
        }

        testContext.WriteLine($"Gone {stopwatch.Elapsed.TotalSeconds:0.0} s after the extension to 5 s.");
        EnvironmentAssert.LeftNothingBehind(preview, [record.EnvironmentId], extend);
        EnvironmentAssert.NothingListensAt(addresses);
        foreach (var folder in dataFolders)
        {
            Assert.IsFalse(Directory.Exists(folder), $"The data folder {folder} is still there.");
        }

        Assert.IsFalse(File.Exists(Path.Combine(preview.StateRoot, "locks", $"shop--{preview.Name}.lock")), "The environment's lock file is still there.");
        var after = preview.List();
        Assert.Contains("No preview environments are running.", after.Output, after.ToString());
        var tooLate = preview.Extend();
        Assert.AreNotEqual(0, tooLate.ExitCode, tooLate.ToString());
        Assert.Contains("error PREVIEW2012", tooLate.Output, tooLate.ToString());
    }
}
