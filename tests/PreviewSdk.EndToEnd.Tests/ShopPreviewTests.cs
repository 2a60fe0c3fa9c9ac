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
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
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
        var token = StateFiles.ReadToken(preview.StateFolder);
        AssertTheTokenStaysSecret(preview, record.EnvironmentId, token, up);
        var addresses = EnvironmentAssert.AllAddresses(preview, links);

        await AssertNothingOpensWithoutTheTokenAsync(links, cancellationToken);
        using var browser = new Browser();
        await AssertSharedLinkSignsInAsync(browser, links, cancellationToken);
        await AssertDashboardOpensWithoutItsLoginAsync(browser, links.Dashboard, cancellationToken);
        var api = links.Services.Single(service => service.Name == "shop-api").Url.TrimEnd('/');
        var web = links.Services.Single(service => service.Name == "shop-web").Url.TrimEnd('/');
        await AssertApiSummaryAsync(browser, api, cancellationToken);
        var productNames = await ProductNamesAsync(browser, api, cancellationToken);
        AssertSeeded(up, links, productNames);
        await AssertProductsCachedWithoutRedisAsync(browser, api, record.EnvironmentId, cancellationToken);
        await AssertWebShowsAsync(browser, web, productNames, cancellationToken);
        var added = await AddProductAsync(browser, api, cancellationToken);
        await AssertWebShowsAsync(browser, web, [added], cancellationToken);
        AssertPagesRenderInARealBrowser(links, [.. productNames.Take(2), added]);
        links = await AssertRotationLocksOutTheOldTokenAsync(preview, browser, links, token, cancellationToken);

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

        Assert.DoesNotContain(token, list.Output, "-t:PreviewList printed the old access token.");
        Assert.DoesNotContain(StateFiles.ReadToken(preview.StateFolder), list.Output, "-t:PreviewList printed the access token.");

        var again = preview.Preview();
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        EnvironmentAssert.PrintedLinksTable(again, links, $"Preview '{preview.Name}' (lightweight) is already up");
        Assert.AreEqual(record.EnvironmentId, preview.ReadEnvironment().EnvironmentId, "A second -t:Preview started the environment anew.");

        foreach (var link in addresses)
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
        EnvironmentAssert.NothingListensAt(addresses);
        foreach (var folder in dataFolders)
        {
            Assert.IsFalse(Directory.Exists(folder), $"The data folder {folder} is still there. {down}");
        }
    }

    // What a product manager who opens the shared link sees, in a real browser: the directory page, then the shop
    // through its link (the cookie covers every host of the environment), then the dashboard, whose resource list
    // and console log are rendered by script over a live connection through the gateway, with no login of its own.
    private void AssertPagesRenderInARealBrowser(StateFiles.LinksFile links, IReadOnlyCollection<string> productNames)
    {
        var web = links.Services.Single(service => service.Name == "shop-web").Url;
        using var chromium = new HeadlessChromium();
        chromium.OpenAndWaitFor(links.SharedLink, [$"Preview {links.Environment} of shop", "shop-web", "shop-api", "Healthy", "shopdb: 4 tables"], TimeSpan.FromSeconds(30));
        SaveScreenshot(chromium, "directory.png");
        Assert.AreEqual(links.Directory, chromium.CurrentUrl, "The shared link did not land on the directory page without its token.");

        chromium.ClickAndWaitFor(web, productNames, TimeSpan.FromSeconds(30));
        SaveScreenshot(chromium, "shop-web.png");
        Assert.StartsWith(web, chromium.CurrentUrl);

        chromium.OpenAndWaitFor(links.Dashboard, ["preview-gateway", "shop-api", "shop-web", "shop-worker", "postgres", "shopdb"], TimeSpan.FromSeconds(60));
        SaveScreenshot(chromium, "dashboard.png");
        Assert.DoesNotContain("/login", chromium.CurrentUrl, "The dashboard asked for its own login.");
        chromium.OpenAndWaitFor(links.Dashboard + "consolelogs/resource/shopdb-seed", ["Seeded 4 tables"], TimeSpan.FromSeconds(60));
        SaveScreenshot(chromium, "dashboard-console-log.png");
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
        // Every link goes through the one gateway port, by host name.
        var port = new Uri(links.Directory).Port;
        Assert.AreEqual($"http://{preview.Name}.localhost:{port}/", links.Directory);
        Assert.AreEqual($"{links.Directory}?preview_token={StateFiles.ReadToken(preview.StateFolder)}", links.SharedLink);
        Assert.IsTrue(links.TokenRequired);
        Assert.AreEqual($"http://dashboard.{preview.Name}.localhost:{port}/", links.Dashboard);
        foreach (var service in links.Services)
        {
            Assert.AreEqual($"http://{service.Name}.{preview.Name}.localhost:{port}/", service.Url);
        }
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
        Assert.Contains($"Open <{links.SharedLink}>: ", markdown);
        Assert.Contains($"| directory | <{links.Directory}> |", markdown);
        Assert.Contains($"| dashboard | <{links.Dashboard}> |", markdown);
        foreach (var service in links.Services)
        {
            Assert.Contains($"| {service.Name} | <{service.Url}> |", markdown);
        }
    }

    // -t:PreviewRotateToken: the old shared link, the old token and the cookie it gave are refused at once; the new
    // shared link, printed and written, opens the environment.
    private static async Task<StateFiles.LinksFile> AssertRotationLocksOutTheOldTokenAsync(PreviewUnderTest preview, Browser signedIn, StateFiles.LinksFile links, string oldToken, CancellationToken cancellationToken)
    {
        var rotate = preview.RotateToken();

        Assert.AreEqual(0, rotate.ExitCode, rotate.ToString());
        var newToken = StateFiles.ReadToken(preview.StateFolder);
        Assert.AreNotEqual(oldToken, newToken);
        var rotated = preview.ReadLinks();
        Assert.AreEqual($"{links.Directory}?preview_token={newToken}", rotated.SharedLink);
        Assert.AreEqual((links.Directory, links.Dashboard), (rotated.Directory, rotated.Dashboard), "Only the shared link changes.");
        CollectionAssert.AreEqual(links.Services.ToList(), rotated.Services.ToList(), "Only the shared link changes.");
        EnvironmentAssert.PrintedLinksTable(rotate, rotated, $"Preview '{preview.Name}' (lightweight) has a new access token");
        Assert.Contains($"Open <{rotated.SharedLink}>", File.ReadAllText(Path.Combine(preview.StateFolder, "links.md")));

        var api = links.Services.Single(service => service.Name == "shop-api").Url;
        var oldCookie = await signedIn.GetAsync(api, cancellationToken);
        Assert.AreEqual(HttpStatusCode.Unauthorized, oldCookie.Status, $"The old cookie still opens shop-api. {oldCookie}");
        using var stranger = new Browser();
        var oldLink = await stranger.GetAsync(links.SharedLink, cancellationToken);
        Assert.AreEqual(HttpStatusCode.Unauthorized, oldLink.Status, $"The old shared link still opens the environment. {oldLink}");
        var oldHeader = await stranger.GetWithHeadersAsync(api, new Dictionary<string, string> { ["X-Preview-Token"] = oldToken }, cancellationToken);
        Assert.AreEqual(HttpStatusCode.Unauthorized, oldHeader.Status, oldHeader.ToString());
        var newLink = await signedIn.GetAsync(rotated.SharedLink, cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, newLink.Status, newLink.ToString());
        Assert.AreEqual(HttpStatusCode.OK, (await signedIn.GetAsync(api, cancellationToken)).Status);
        return rotated;
    }

    // The token is owner-only on disk and nowhere else: not in a log, not in another state file, not in the environment
    // of any process of the environment (which is what the dashboard shows as a resource's variables).
    private static void AssertTheTokenStaysSecret(PreviewUnderTest preview, string environmentId, string token, CommandResult up)
    {
        Assert.MatchesRegex("^[A-Za-z0-9_-]{43}$", token, "256 random bits, URL-safe.");
        foreach (var file in new[] { "access-token", "links.json", "links.md", "apphost.log", "ready.json" })
        {
            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(preview.StateFolder, file)), $"{file} is readable by others.");
        }

        foreach (var file in Directory.EnumerateFiles(preview.StateFolder, "*", SearchOption.AllDirectories).Where(path => !path.Contains("/data/", StringComparison.Ordinal)))
        {
            if (Path.GetFileName(file) is not ("access-token" or "links.json" or "links.md"))
            {
                Assert.DoesNotContain(token, File.ReadAllText(file), $"{file} holds the access token.");
            }
        }

        foreach (var process in EnvironmentProcessTable.Carrying(environmentId))
        {
            var variables = EnvironmentProcessTable.Environment(process.ProcessId);
            Assert.DoesNotContain(token, variables, $"The environment of {process} holds the access token.");
        }

        Assert.AreEqual(1, up.Output.Split(token).Length - 1, $"-t:Preview prints the token once, in the shared link. {up}");
    }

    // Without the token every link is refused (401), with nothing of the service in the answer.
    private static async Task AssertNothingOpensWithoutTheTokenAsync(StateFiles.LinksFile links, CancellationToken cancellationToken)
    {
        using var stranger = new Browser();
        foreach (var link in AllLinks(links))
        {
            var page = await stranger.GetAsync(link, cancellationToken);
            Assert.AreEqual(HttpStatusCode.Unauthorized, page.Status, $"{link} opened without the token: {page}");
            Assert.AreEqual("application/json", page.MediaType, page.ToString());
            Assert.AreEqual("noindex, nofollow", page.Headers.GetValueOrDefault("X-Robots-Tag"), page.ToString());
            var robots = await stranger.GetAsync(link + "robots.txt", cancellationToken);
            Assert.AreEqual("User-agent: *\nDisallow: /\n", robots.Text, robots.ToString());
        }

        var wrong = await stranger.GetWithHeadersAsync(links.Services[0].Url, new Dictionary<string, string> { ["X-Preview-Token"] = "not-the-token" }, cancellationToken);
        Assert.AreEqual(HttpStatusCode.Unauthorized, wrong.Status, wrong.ToString());
    }

    // The shared link trades the token for a cookie and lands on the directory page without it; the cookie is the
    // gateway's (HttpOnly, scoped to the environment's hosts), never the dashboard's.
    private static async Task AssertSharedLinkSignsInAsync(Browser browser, StateFiles.LinksFile links, CancellationToken cancellationToken)
    {
        var page = await browser.GetAsync(links.SharedLink, cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.ToString());
        Assert.AreEqual(links.Directory, page.FinalAddress.ToString(), $"The shared link did not drop its token. {page}");
        Assert.Contains($"<h1>Preview <code>{links.Environment}</code> of shop</h1>", page.Text, page.ToString());
        foreach (var service in links.Services)
        {
            Assert.Contains($"<a href=\"{service.Url}\">", page.Text, page.ToString());
        }

        var cookie = browser.Cookies.GetAllCookies().Single(candidate => candidate.Name.StartsWith("preview_", StringComparison.Ordinal));
        Assert.IsTrue(cookie.HttpOnly, "The access cookie is readable by scripts.");
        Assert.AreEqual($".{links.Environment}.localhost", cookie.Domain.StartsWith('.') ? cookie.Domain : "." + cookie.Domain);
    }

    // The dashboard behind the gateway needs no login of its own: the gateway holds the dashboard's session.
    private static async Task AssertDashboardOpensWithoutItsLoginAsync(Browser browser, string dashboard, CancellationToken cancellationToken)
    {
        var page = await browser.GetAsync(dashboard, cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.ToString());
        Assert.AreEqual("/", page.FinalAddress.AbsolutePath, $"The dashboard sent the browser to its login. {page}");
        Assert.Contains("<meta name=\"aspire-version\"", page.Text, page.ToString());
        Assert.Contains("Aspire.Dashboard.styles.css", page.Text, page.ToString());
        var cookies = browser.Cookies.GetAllCookies().Select(cookie => cookie.Name).ToList();
        Assert.IsFalse(cookies.Any(name => name.StartsWith(".Aspire.Dashboard.Auth", StringComparison.Ordinal)), $"The browser holds the dashboard's session cookie: {string.Join(", ", cookies)}");
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

    private static IEnumerable<string> AllLinks(StateFiles.LinksFile links) => links.Services.Select(service => service.Url).Prepend(links.Dashboard).Prepend(links.Directory);
}
