using System.Diagnostics;
using System.Net;
using PreviewSdk.EndToEnd.Tests.Infrastructure;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// The Shop heals itself once it is up: a killed service and a killed PostgreSQL are started again, what uses them
/// turns unhealthy within 10 s and healthy again after, their links read down meanwhile; and the processes of a
/// killed app host are reaped by the next command, here -t:PreviewList.
/// </summary>
[TestClass]
public sealed class SelfHealingTests(TestContext testContext)
{
    private static readonly TimeSpan FollowWithin = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecoverWithin = TimeSpan.FromMinutes(3);

    [TestMethod]
    public async Task KilledServiceAndPostgres_AreRestarted_TheirDependentsFollow_AndAKilledAppHostIsReapedByTheNextCommand()
    {
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "heal", testContext);
        var up = preview.Preview();
        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var record = preview.ReadEnvironment();
        var api = preview.ReadLinks().Services.Single(link => link.Name == "shop-api").Url;

        // A killed service: shop-web uses it.
        var service = Single(record.EnvironmentId, command => command.Contains("Shop.Api/bin/", StringComparison.Ordinal));
        EnvironmentProcessTable.Kill(service.ProcessId);
        var killed = Stopwatch.StartNew();
        await Until(() => Health("shop-web") == "Unhealthy", FollowWithin, "shop-web followed the killed shop-api");
        var followed = killed.Elapsed;
        await Until(() => preview.ReadLinks().Services.Any(link => link.Name == "shop-api" && link.State == "down"), FollowWithin, "links.json marked shop-api down");
        await Until(AllHealthyAndUp, RecoverWithin, "the environment was healthy again after shop-api was killed");
        testContext.WriteLine($"Killed shop-api: shop-web unhealthy after {followed.TotalSeconds:0.0} s, healthy again after {killed.Elapsed.TotalSeconds:0.0} s.");
        Assert.AreNotEqual(service.ProcessId, Single(record.EnvironmentId, command => command.Contains("Shop.Api/bin/", StringComparison.Ordinal)).ProcessId, "shop-api was not started anew");
        var token = StateFiles.ReadToken(preview.StateFolder);
        await AssertServes(api, token);

        // A killed PostgreSQL (its main process): shopdb, shop-api, shop-worker and shop-web use it.
        // The server itself, not runuser above it (as root): its program is postgres.
        var postgres = Single(record.EnvironmentId, command => command.Split(' ')[0].EndsWith("/postgres", StringComparison.Ordinal) && command.Contains(" -D ", StringComparison.Ordinal));
        EnvironmentProcessTable.Kill(postgres.ProcessId);
        killed.Restart();
        await Until(() => Health("shop-api") == "Unhealthy", FollowWithin, "shop-api followed the killed PostgreSQL");
        followed = killed.Elapsed;
        await Until(AllHealthyAndUp, RecoverWithin, "the environment was healthy again after PostgreSQL was killed");
        testContext.WriteLine($"Killed PostgreSQL: shop-api unhealthy after {followed.TotalSeconds:0.0} s, healthy again after {killed.Elapsed.TotalSeconds:0.0} s.");
        await AssertServes(api, token);
        var log = File.ReadAllText(Path.Combine(preview.StateFolder, "apphost.log"));
        Assert.Contains("PREVIEW3020", log);

        // A killed app host: the next command, whichever, stops what it left running.
        EnvironmentProcessTable.Kill(record.HostProcessId);
        await Until(() => !EnvironmentProcessTable.Carries(record.HostProcessId, record.EnvironmentId), FollowWithin, "the app host died");
        var list = preview.List();
        Assert.AreEqual(0, list.ExitCode, list.ToString());
        Assert.Contains($"Cleaned up preview '{preview.Name}' of 'shop': its app host is gone.", list.Output, list.ToString());
        Assert.IsEmpty(EnvironmentProcessTable.Carrying(record.EnvironmentId), "PreviewList left processes of the killed app host running");

        bool AllHealthyAndUp() =>
            StateFiles.ReadResources(preview.StateFolder).Resources.All(r => r.Name.EndsWith("-seed", StringComparison.Ordinal) || (r.State == "Running" && r.Health is null or "Healthy"))
            && preview.ReadLinks().Services.All(link => link.State == "up");

        string? Health(string name) => StateFiles.ReadResources(preview.StateFolder).Resources.Single(r => r.Name == name).Health;
    }

    private static EnvironmentProcessTable.Entry Single(string environmentId, Func<string, bool> commandLine)
    {
        var all = EnvironmentProcessTable.Carrying(environmentId);
        var found = all.Where(entry => commandLine(entry.CommandLine)).ToList();
        Assert.HasCount(1, found, $"The environment's processes: {string.Join("; ", all)}");
        return found[0];
    }

    // Through the gateway, as automation reaches it: with the access token in its header.
    private async Task AssertServes(string url, string token)
    {
        using var browser = new Browser();
        var page = await browser.GetWithHeadersAsync(url, new Dictionary<string, string> { ["X-Preview-Token"] = token }, testContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.ToString());
    }

    // Polls the state files, which the app host rewrites atomically; a read that meets a rename is retried.
    private async Task Until(Func<bool> condition, TimeSpan within, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (condition())
                {
                    return;
                }
            }
            catch (IOException)
            {
            }

            Assert.IsLessThan(within, stopwatch.Elapsed, $"Not within {within.TotalSeconds:0} s: {what}.");
            await Task.Delay(100, testContext.CancellationToken);
        }
    }
}
