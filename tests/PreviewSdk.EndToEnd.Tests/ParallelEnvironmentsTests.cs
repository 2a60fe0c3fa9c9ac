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
                using var browser = new Browser();
                await AssertReachableAsync(browser, environmentLinks, cancellationToken);
            }

            await AssertOneTokenOpensNothingOfTheOtherAsync(first, links, cancellationToken);

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
        // One gateway port per environment, every link of an environment on it; the services' own ports all differ.
        var gatewayPorts = links.Select(environment => environment.Services.Select(service => service.Url).Prepend(environment.Dashboard).Prepend(environment.Directory)
            .Select(url => new Uri(url).Port).Distinct().Single()).ToList();
        Assert.AreNotEqual(gatewayPorts[0], gatewayPorts[1], "Both environments' gateways listen on one port.");
        // A database shares its server's endpoint, and the gateway's resource names its own: each port counts once
        // per environment, and no port of one environment is the other's.
        var ports = new[] { first, second }
            .SelectMany((preview, index) => StateFiles.ReadResources(preview.StateFolder).Resources.SelectMany(resource => resource.Urls)
                .Select(url => new Uri(url).Port).Append(gatewayPorts[index]).Distinct())
            .ToList();
        CollectionAssert.AllItemsAreUnique(ports, $"Two endpoints share a port: {string.Join(", ", ports)}");
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

    // The first environment's token, as a header and as the cookie its shared link gave, opens nothing of the second.
    private static async Task AssertOneTokenOpensNothingOfTheOtherAsync(PreviewUnderTest first, StateFiles.LinksFile[] links, CancellationToken cancellationToken)
    {
        var token = StateFiles.ReadToken(first.StateFolder);
        using var browser = new Browser();
        var signedIn = await browser.GetAsync(links[0].SharedLink, cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, signedIn.Status, signedIn.ToString());
        foreach (var link in links[1].Services.Select(service => service.Url).Prepend(links[1].Dashboard).Prepend(links[1].Directory))
        {
            var withHeader = await browser.GetWithHeadersAsync(link, new Dictionary<string, string> { ["X-Preview-Token"] = token }, cancellationToken);
            Assert.AreEqual(HttpStatusCode.Unauthorized, withHeader.Status, $"{links[0].Environment}'s token opened {link}: {withHeader}");
            var withCookie = await browser.GetAsync(link, cancellationToken);
            Assert.AreEqual(HttpStatusCode.Unauthorized, withCookie.Status, $"{links[0].Environment}'s cookie opened {link}: {withCookie}");
        }
    }

    private static async Task AssertReachableAsync(Browser browser, StateFiles.LinksFile links, CancellationToken cancellationToken)
    {
        var directory = await browser.GetAsync(links.SharedLink, cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, directory.Status, directory.ToString());
        var dashboard = await browser.GetAsync(links.Dashboard, cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, dashboard.Status, dashboard.ToString());
        Assert.AreEqual("/", dashboard.FinalAddress.AbsolutePath, $"The dashboard of {links.Environment} asked for its own login. {dashboard}");
        foreach (var service in links.Services)
        {
            var page = await browser.GetAsync(service.Url, cancellationToken);
            Assert.AreEqual(HttpStatusCode.OK, page.Status, $"{links.Environment} {service.Name}: {page}");
        }
    }
}
