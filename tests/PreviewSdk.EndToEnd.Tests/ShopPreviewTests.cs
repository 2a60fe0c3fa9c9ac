using System.Globalization;
using System.Net;
using System.Text.Json;
using PreviewSdk.EndToEnd.Tests.Infrastructure;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// The Shop sample brought up in its default profile (lightweight: PostgreSQL and the services, no Redis), used
/// through its links, listed, brought up again, and brought down.
/// </summary>
[TestClass]
public sealed class ShopPreviewTests(TestContext testContext)
{
    [TestMethod]
    public async Task Preview_ShopSample_ServesEveryLinkUntilPreviewDownRemovesEverything()
    {
        var cancellationToken = testContext.CancellationToken;
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "shop", testContext);

        var up = preview.Preview();

        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var record = preview.ReadEnvironment();
        var links = preview.ReadLinks();
        AssertRecord(preview, record, links);
        EnvironmentAssert.PrintedLinksTable(up, links, $"Preview '{preview.Name}' (lightweight) is up in ");
        Assert.Contains($"Links: {Path.Combine(preview.StateFolder, "links.json")} and links.md. Stop it with -t:PreviewDown.", up.Output, up.ToString());
        CollectionAssert.AreEquivalent(new[] { "shop-api", "shop-web" }, links.Services.Select(service => service.Name).ToList());
        AssertEveryResourceRunsWithTheId(preview, record.EnvironmentId);
        AssertLinksMarkdown(preview, links);
        var seedReport = Path.Combine(preview.StateFolder, "seed-report.md");
        Assert.Contains($"## shopdb\n\nSeed {links.Data.Single().Seed}: 4 tables", File.ReadAllText(seedReport), "-t:Preview writes the seed report beside links.json.");

        using var browser = new Browser();
        await AssertDashboardLogsInAsync(browser, links.Dashboard, cancellationToken);
        var api = links.Services.Single(service => service.Name == "shop-api").Url;
        var web = links.Services.Single(service => service.Name == "shop-web").Url;
        await AssertApiSummaryAsync(browser, api, cancellationToken);
        var productNames = await ProductNamesAsync(browser, api, cancellationToken);
        AssertSeeded(up, links, productNames);
        await AssertProductsCachedWithoutRedisAsync(browser, api, record.EnvironmentId, cancellationToken);
        await AssertWebShowsAsync(browser, web, productNames, cancellationToken);
        var added = await AddProductAsync(browser, api, cancellationToken);
        await AssertWebShowsAsync(browser, web, [added], cancellationToken);
        AssertPagesRenderInARealBrowser(links.Dashboard, web, [.. productNames.Take(2), added]);

        var reseed = preview.Seed("-p:PreviewSeedValue=7");
        Assert.AreEqual(0, reseed.ExitCode, reseed.ToString());
        Assert.Contains("shopdb: 4 tables, ", reseed.Output, reseed.ToString());
        Assert.Contains(", seed 7", reseed.Output, reseed.ToString());
        Assert.AreEqual(7, preview.ReadLinks().Data.Single().Seed, "links.json still names the first seed.");
        Assert.Contains("## shopdb\n\nSeed 7: 4 tables", File.ReadAllText(seedReport), "-t:PreviewSeed rewrites the database's section of the seed report.");

        var list = preview.List();
        Assert.AreEqual(0, list.ExitCode, list.ToString());
        Assert.Contains($"{preview.Name}  app=shop  profile=lightweight  up", list.Output, list.ToString());
        foreach (var link in AllLinks(links))
        {
            Assert.Contains(link, list.Output, list.ToString());
        }

        var again = preview.Preview();
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        EnvironmentAssert.PrintedLinksTable(again, links, $"Preview '{preview.Name}' (lightweight) is already up");
        Assert.AreEqual(record.EnvironmentId, preview.ReadEnvironment().EnvironmentId, "A second -t:Preview started the environment anew.");

        foreach (var link in AllLinks(links))
        {
            // The control for the check after PreviewDown, which would otherwise pass by never connecting at all.
            Assert.IsNotEmpty(ListeningPorts.Accepting(new Uri(link)), $"Nothing accepts connections for {link} while the environment is up.");
        }

        var dataFolders = StateFiles.DataFolders(preview.StateFolder);
        Assert.IsTrue(Directory.Exists(Path.Combine(preview.StateFolder, "data", "postgres")), "The state folder has no data/postgres.");
        var down = preview.Down();

        Assert.AreEqual(0, down.ExitCode, down.ToString());
        Assert.Contains($"Preview '{preview.Name}' of 'shop' is down.", down.Output, down.ToString());
        EnvironmentAssert.LeftNothingBehind(preview, [record.EnvironmentId], down);
        EnvironmentAssert.NothingListensAt(AllLinks(links));
        foreach (var folder in dataFolders)
        {
            Assert.IsFalse(Directory.Exists(folder), $"The data folder {folder} is still there. {down}");
        }
    }

    // What a product manager who opens the shared links sees: the dashboard's resource list is rendered by script
    // over a live connection after the token login, and the shop's pages show the API's data.
    private void AssertPagesRenderInARealBrowser(string dashboardLogin, string web, IReadOnlyCollection<string> productNames)
    {
        using var chromium = new HeadlessChromium();
        chromium.OpenAndWaitFor(dashboardLogin, ["shop-api", "shop-web", "shop-worker", "postgres", "shopdb"], TimeSpan.FromSeconds(60));
        SaveScreenshot(chromium, "dashboard.png");
        Assert.DoesNotContain("/login", chromium.CurrentUrl, "The token did not log the browser in.");
        chromium.OpenAndWaitFor(web, productNames, TimeSpan.FromSeconds(30));
        SaveScreenshot(chromium, "shop-web.png");
    }

    private void SaveScreenshot(HeadlessChromium chromium, string fileName)
    {
        var folder = testContext.TestRunResultsDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(folder);
        chromium.SaveScreenshot(Path.Combine(folder, fileName));
        testContext.WriteLine($"Screenshot: {Path.Combine(folder, fileName)}");
    }

    private static void AssertRecord(PreviewUnderTest preview, StateFiles.EnvironmentFile record, StateFiles.LinksFile links)
    {
        Assert.AreEqual(preview.Name, record.Name);
        Assert.AreEqual("shop", record.App);
        Assert.AreEqual("lightweight", record.Profile);
        Assert.MatchesRegex("^[0-9a-f]{32}$", record.EnvironmentId);
        Assert.IsFalse(string.IsNullOrWhiteSpace(record.Owner), "environment.json names no owner.");
        Assert.IsFalse(string.IsNullOrWhiteSpace(record.Branch), "environment.json names no branch, though the sample is in a git work tree.");
        Assert.IsTrue(EnvironmentProcessTable.Carries(record.HostProcessId, record.EnvironmentId), $"The app host {record.HostProcessId} does not run with the environment id.");
        Assert.AreEqual(preview.Name, links.Environment);
        Assert.AreEqual("lightweight", links.Profile);
        Assert.StartsWith(record.DashboardUrl + "/login?t=", links.Dashboard);
    }

    // The product's promise that lets PreviewDown find everything: each resource's process carries the id.
    private static void AssertEveryResourceRunsWithTheId(PreviewUnderTest preview, string environmentId)
    {
        var resources = StateFiles.ReadResources(preview.StateFolder).Resources;
        CollectionAssert.IsSubsetOf(new[] { "postgres", "shop-api", "shop-worker", "shop-web", "shopdb-seed" }, resources.Select(resource => resource.Name).ToList());
        Assert.IsFalse(resources.Any(resource => resource.Name == "cache"), "The lightweight profile leaves Redis out.");
        foreach (var resource in resources)
        {
            // The seeding runs to completion before the environment is ready; everything else keeps running.
            Assert.AreEqual(resource.Name == "shopdb-seed" ? "Finished" : "Running", resource.State, $"Resource {resource.Name}");
            foreach (var processId in resource.ProcessIds)
            {
                Assert.IsTrue(EnvironmentProcessTable.Carries(processId, environmentId), $"Process {processId} of {resource.Name} does not carry the environment id.");
            }
        }
    }

    private static void AssertLinksMarkdown(PreviewUnderTest preview, StateFiles.LinksFile links)
    {
        var path = Path.Combine(preview.StateFolder, "links.md");
        Assert.IsTrue(File.Exists(path), $"{path} is missing.");
        var markdown = File.ReadAllText(path);
        Assert.Contains($"| dashboard | <{links.Dashboard}> |", markdown);
        foreach (var service in links.Services)
        {
            Assert.Contains($"| {service.Name} | <{service.Url}> |", markdown);
        }
    }

    // The login link carries a token; the dashboard trades it for a cookie and redirects to its resources page.
    // Without the cookie it would redirect to its login form instead.
    private static async Task AssertDashboardLogsInAsync(Browser browser, string loginLink, CancellationToken cancellationToken)
    {
        var page = await browser.GetAsync(loginLink, cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.ToString());
        Assert.AreEqual("/", page.FinalAddress.AbsolutePath, $"The login link did not log in. {page}");
        Assert.Contains("<meta name=\"aspire-version\"", page.Text, page.ToString());
        Assert.Contains("Aspire.Dashboard.styles.css", page.Text, page.ToString());
        var cookies = browser.Cookies.GetAllCookies().Select(cookie => cookie.Name).ToList();
        Assert.IsTrue(cookies.Any(name => name.StartsWith(".Aspire.Dashboard.Auth", StringComparison.Ordinal)), $"No dashboard auth cookie; cookies: {string.Join(", ", cookies)}");
    }

    private static async Task AssertApiSummaryAsync(Browser browser, string api, CancellationToken cancellationToken)
    {
        var page = await browser.GetAsync(api + "/", cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.ToString());
        Assert.AreEqual("application/json", page.MediaType, page.ToString());
        using var summary = JsonDocument.Parse(page.Text);
        Assert.AreEqual("shop-api", summary.RootElement.GetProperty("service").GetString());
        Assert.AreEqual(JsonValueKind.Number, summary.RootElement.GetProperty("products").ValueKind, page.ToString());
    }

    // Lightweight runs no Redis: the API, given no ConnectionStrings__cache, caches the product list in its own memory.
    private static async Task AssertProductsCachedWithoutRedisAsync(Browser browser, string api, string environmentId, CancellationToken cancellationToken)
    {
        var redis = EnvironmentProcessTable.Carrying(environmentId).Where(process => process.CommandLine.Contains("redis-server", StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(redis, "A Redis server runs in the lightweight environment: " + string.Join("; ", redis));
        var page = await browser.GetAsync(api + "/products", cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.ToString());
        Assert.AreEqual("hit", page.Headers.GetValueOrDefault("X-Cache"), $"The list read just before was not cached. {page}");
    }

    private static async Task<IReadOnlyList<string>> ProductNamesAsync(Browser browser, string api, CancellationToken cancellationToken)
    {
        var page = await browser.GetAsync(api + "/products", cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.ToString());
        using var products = JsonDocument.Parse(page.Text);
        return products.RootElement.EnumerateArray().Select(product => product.GetProperty("name").GetString()!).ToList();
    }

    // The web front end renders the API's products server-side: the names on the page came through the API and the database.
    private static async Task AssertWebShowsAsync(Browser browser, string web, IReadOnlyList<string> productNames, CancellationToken cancellationToken)
    {
        var page = await browser.GetAsync(web + "/", cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.ToString());
        Assert.AreEqual("text/html", page.MediaType, page.ToString());
        Assert.Contains("noindex", page.Text, page.ToString());
        var text = WebUtility.HtmlDecode(page.Text);
        foreach (var name in productNames)
        {
            Assert.Contains(name, text, page.ToString());
        }
    }

    private static async Task<string> AddProductAsync(Browser browser, string api, CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var name = $"End-to-end lantern {suffix}";
        var body = JsonSerializer.Serialize(new { sku = $"E2E-{suffix}", name, description = "Added by the end-to-end tests.", price = 4.5m, stock = 7, category = "Testing" });
        var page = await browser.PostJsonAsync(api + "/products", body, cancellationToken);
        Assert.AreEqual(HttpStatusCode.Created, page.Status, page.ToString());
        return name;
    }

    // preview.yaml seeds shopdb (seed 42, 40 products) after shop-api migrated it, before the links are printed.
    private static void AssertSeeded(CommandResult up, StateFiles.LinksFile links, IReadOnlyList<string> productNames)
    {
        var data = links.Data.Single();
        Assert.AreEqual(("shopdb", 42, 4), (data.Database, data.Seed, data.Tables), up.ToString());
        Assert.IsGreaterThan(80 + 40 + 200 + 200, data.Rows, "customers, products, orders and 1-4 lines per order");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"data       shopdb: 4 tables, {data.Rows:N0} rows, seed 42"), up.Output, up.ToString());
        Assert.HasCount(40, productNames, "The API lists the 40 seeded products (and not the sample's own five).");
    }

    private static IEnumerable<string> AllLinks(StateFiles.LinksFile links) => links.Services.Select(service => service.Url).Prepend(links.Dashboard);
}
