using System.Net;
using System.Text.Json;
using PreviewSdk.EndToEnd.Tests.Infrastructure;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// Two environments of the same app side by side in one registry, both usable, with nothing shared; and the team's
/// budget of two environments, which refuses a third before it starts anything.
/// </summary>
[TestClass]
public sealed class ParallelEnvironmentsTests(TestContext testContext)
{
    [TestMethod]
    public async Task TwoEnvironmentsOfTheSample_RunAtOnceWithoutCollisions_AndTheTeamBudgetRefusesAThird()
    {
        var cancellationToken = testContext.CancellationToken;
        var stateRoot = Directory.CreateTempSubdirectory("previewsdk-e2e-state-").FullName;
        var budgetFolder = Directory.CreateTempSubdirectory("previewsdk-e2e-budget-").FullName;
        try
        {
            // The budget file wins over the sample's own budget (8 environments) for its team, shop.
            var budgetFile = Path.Combine(budgetFolder, "budgets.yaml");
            File.WriteAllText(budgetFile, "teams:\n  shop: { environments: 2 }\n");
            string[] withBudget = [$"-p:PreviewBudgetFile={budgetFile}"];
            using var first = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "par-a", testContext, stateRoot);
            using var second = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "par-b", testContext, stateRoot);
            using var third = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "par-c", testContext, stateRoot);

            var upFirst = first.Preview(withBudget);
            Assert.AreEqual(0, upFirst.ExitCode, upFirst.ToString());
            var upSecond = second.Preview(withBudget);
            Assert.AreEqual(0, upSecond.ExitCode, upSecond.ToString());

            var records = new[] { first.ReadEnvironment(), second.ReadEnvironment() };
            var links = new[] { first.ReadLinks(), second.ReadLinks() };
            AssertNothingShared(first, second, records, links);
            foreach (var environmentLinks in links)
            {
                // A browser each: the dashboards' login cookies are per host, not per port.
                using var browser = new Browser();
                await AssertReachableAsync(browser, environmentLinks, cancellationToken);
            }

            foreach (var record in records)
            {
                Assert.AreEqual(("shop", "running", false), (record.Team, record.State, record.Keep));
                Assert.IsGreaterThan(0.0, record.Cpus ?? 0, "environment.json counts no CPU against the budget.");
                Assert.IsGreaterThan(0L, record.MemoryBytes ?? 0, "environment.json counts no memory against the budget.");
                Assert.IsGreaterThan(record.StartedAt.AddHours(1), record.ExpiresAt ?? DateTimeOffset.MinValue, "The lightweight profile's time to live is hours.");
            }

            var list = first.List();
            Assert.AreEqual(0, list.ExitCode, list.ToString());
            Assert.Contains("2 preview environment(s):", list.Output, list.ToString());
            foreach (var preview in new[] { first, second })
            {
                Assert.MatchesRegex($@"{preview.Name}  app=shop  profile=lightweight  up  age=\d+[sm]  expires=in \d+h\d\dm  owner=[^\n]+  branch=[^\n]+  team=shop  cpu=[\d.]+  memory=[\d.]+[MG]i", list.Output, list.ToString());
            }

            var refused = third.Preview(withBudget);

            Assert.AreNotEqual(0, refused.ExitCode, refused.ToString());
            Assert.Contains($"{budgetFile} : error PREVIEW2007: Preview '{third.Name}' would exceed the budget of team 'shop' (2 environments, set in {budgetFile}): 2 of 2 environments run.", refused.Output, refused.ToString());
            Assert.MatchesRegex($@"(?m)^\s+{first.Name}  app=shop  owner=[^\n]+  age=\d+[sm]  expires=in \d+h\d\dm  cpu ", refused.Output, refused.ToString());
            Assert.MatchesRegex($@"(?m)^\s+{second.Name}  app=shop  owner=", refused.Output, refused.ToString());
            Assert.DoesNotContain("is up in", refused.Output, refused.ToString());
            Assert.IsFalse(Directory.Exists(third.StateFolder), "The refused start left a state folder.");
            Assert.IsEmpty(third.SeenEnvironmentIds, "The refused start recorded an environment.");

            foreach (var preview in new[] { first, second })
            {
                var environmentId = preview.ReadEnvironment().EnvironmentId;
                var down = preview.Down();
                Assert.AreEqual(0, down.ExitCode, down.ToString());
                EnvironmentAssert.LeftNothingBehind(preview, [environmentId], down);
            }
        }
        finally
        {
            PreviewUnderTest.DeleteQuietly(stateRoot);
            PreviewUnderTest.DeleteQuietly(budgetFolder);
        }
    }

    // Ports, dashboards, data folders, database secrets and processes: each environment has its own.
    private static void AssertNothingShared(PreviewUnderTest first, PreviewUnderTest second, StateFiles.EnvironmentFile[] records, StateFiles.LinksFile[] links)
    {
        Assert.AreNotEqual(records[0].EnvironmentId, records[1].EnvironmentId);
        Assert.AreNotEqual(records[0].DashboardUrl, records[1].DashboardUrl);
        var ports = links.SelectMany(environment => environment.Services.Select(service => service.Url).Prepend(environment.Dashboard))
            .Select(url => new Uri(url).Port)
            .ToList();
        CollectionAssert.AllItemsAreUnique(ports, $"Two links share a port: {string.Join(", ", ports)}");
        var dataFolders = StateFiles.DataFolders(first.StateFolder).Concat(StateFiles.DataFolders(second.StateFolder)).ToList();
        Assert.IsNotEmpty(StateFiles.DataFolders(first.StateFolder));
        CollectionAssert.AllItemsAreUnique(dataFolders, string.Join(", ", dataFolders));
        var connections = new[] { first, second }
            .Select(preview => JsonDocument.Parse(File.ReadAllText(Path.Combine(preview.StateFolder, "databases.json"))).RootElement
                .GetProperty("databases")[0].GetProperty("connectionString").GetString())
            .ToList();
        Assert.AreNotEqual(connections[0], connections[1], "Both environments reach the same database with the same secret.");
        var processes = records.Select(record => EnvironmentProcessTable.Carrying(record.EnvironmentId).Select(entry => entry.ProcessId).ToList()).ToList();
        Assert.IsNotEmpty(processes[0]);
        Assert.IsNotEmpty(processes[1]);
        Assert.IsEmpty(processes[0].Intersect(processes[1]).ToList(), "A process carries both environments' ids.");
    }

    private static async Task AssertReachableAsync(Browser browser, StateFiles.LinksFile links, CancellationToken cancellationToken)
    {
        var dashboard = await browser.GetAsync(links.Dashboard, cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, dashboard.Status, dashboard.ToString());
        Assert.AreEqual("/", dashboard.FinalAddress.AbsolutePath, $"The login link of {links.Environment} did not log in. {dashboard}");
        foreach (var service in links.Services)
        {
            var page = await browser.GetAsync(service.Url + "/", cancellationToken);
            Assert.AreEqual(HttpStatusCode.OK, page.Status, $"{links.Environment} {service.Name}: {page}");
        }
    }
}
