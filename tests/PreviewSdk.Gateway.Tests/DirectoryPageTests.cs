using System.Net;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Pages;
using PreviewSdk.Gateway.Tests.Infrastructure;

namespace PreviewSdk.Gateway.Tests;

/// <summary>The links directory page: served on the environment's own host, after the token, from the live model.</summary>
[TestClass]
public sealed class DirectoryPageTests
{
    private static readonly DirectoryModel Model = new()
    {
        Environment = "feature-cart",
        App = "shop",
        Profile = "heavyweight",
        Branch = "feature/cart",
        Commit = "3f786850e387550fdab836ed7e6dc881de23001b",
        Owner = "Ada <script>",
        StartedAt = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero),
        DashboardUrl = "http://dashboard.feature-cart.localhost:7400/",
        Ready = true,
        Resources =
        [
            new DirectoryEntry("postgres", null, "Running", "Healthy"),
            new DirectoryEntry("shop-api", "http://shop-api.feature-cart.localhost:7400/", "Running", "Healthy"),
            new DirectoryEntry("shop-web", "http://shop-web.feature-cart.localhost:7400/", "Running", "Unhealthy"),
            new DirectoryEntry("shopdb-seed", null, "Finished", null),
            new DirectoryEntry("shop-worker", null, "Exited", null),
        ],
        Data = ["shopdb: 4 tables, 823 rows, seed 42"],
        Limits = ["shop-api: cpu 1, memory 512 MiB (cgroup v2)"],
        Now = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero),
    };

    [TestMethod]
    public void ThePage_ShowsTheEnvironment_EachResourceWithLinkAndHealthInWords_DataAndLimits()
    {
        var html = DirectoryPage.Render(Model);

        StringAssert.StartsWith(html, "<!DOCTYPE html>\n<html lang=\"en\">");
        foreach (var expected in new[]
        {
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<header role=\"banner\">", "<main role=\"main\">", "<footer role=\"contentinfo\">",
            "<h1>Preview <code>feature-cart</code> of shop</h1>",
            "<dt>Profile</dt><dd>heavyweight</dd>",
            "<dt>Branch</dt><dd>feature/cart</dd>",
            "<code title=\"3f786850e387550fdab836ed7e6dc881de23001b\">3f786850e387</code>",
            "<dt>Owner</dt><dd>Ada &lt;script&gt;</dd>",
            "<time datetime=\"2026-11-26T09:00:00Z\">2026-11-26 09:00 UTC</time>",
            "<time datetime=\"2026-11-26T13:00:00Z\">2026-11-26 13:00 UTC</time>",
            "<a href=\"http://dashboard.feature-cart.localhost:7400/\">",
            "<th scope=\"col\">Health</th>",
            "<tr><th scope=\"row\">shop-api</th><td><a href=\"http://shop-api.feature-cart.localhost:7400/\">http://shop-api.feature-cart.localhost:7400/</a></td><td><span class=\"ok\">Healthy</span></td></tr>",
            "<tr><th scope=\"row\">shop-web</th><td><a href=\"http://shop-web.feature-cart.localhost:7400/\">http://shop-web.feature-cart.localhost:7400/</a></td><td><span class=\"bad\">Unhealthy</span></td></tr>",
            "<tr><th scope=\"row\">postgres</th><td>–</td><td><span class=\"ok\">Healthy</span></td></tr>",
            "<tr><th scope=\"row\">shopdb-seed</th><td>–</td><td><span class=\"ok\">Finished</span></td></tr>",
            "<tr><th scope=\"row\">shop-worker</th><td>–</td><td><span class=\"bad\">Exited</span></td></tr>",
            "<li>shopdb: 4 tables, 823 rows, seed 42</li>",
            "<li>shop-api: cpu 1, memory 512 MiB (cgroup v2)</li>",
        })
        {
            StringAssert.Contains(html, expected);
        }

        Assert.DoesNotContain("<script", html, "No script, and none injected.");
        Assert.DoesNotContain("preview_token", html);
    }

    [TestMethod]
    public void AKeptEnvironmentNotReadyYet_SaysSo()
    {
        var html = DirectoryPage.Render(Model with { Keep = true, ExpiresAt = null, Ready = false, Data = [], Limits = [] });

        StringAssert.Contains(html, "<dt>Expires</dt><dd>never (kept)</dd>");
        StringAssert.Contains(html, "<span class=\"warn\">Starting</span>");
        Assert.DoesNotContain("Seeded data", html);
        Assert.DoesNotContain("Limits per replica", html);
    }

    [TestMethod]
    public async Task TheGateway_ServesThePageOnTheEnvironmentsHost_OnlyWithTheToken_AndOnlyForReading()
    {
        await using var gateway = await GatewayUnderTest.StartAsync("feature-cart", directory: new Fixed(Model));
        var cookies = new CookieContainer();
        using var browser = gateway.Client(cookies);

        using var refused = await browser.GetAsync(gateway.UrlOf(gateway.Addresses.EnvironmentHost));
        Assert.AreEqual(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var signIn = await browser.GetAsync(GatewayAddresses.WithToken(gateway.UrlOf(gateway.Addresses.EnvironmentHost), gateway.Token!));
        using var page = await browser.GetAsync(gateway.UrlOf(gateway.Addresses.EnvironmentHost));
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.AreEqual("text/html", page.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(await page.Content.ReadAsStringAsync(), "<h1>Preview <code>feature-cart</code> of shop</h1>");
        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, (await browser.PostAsync(gateway.UrlOf(gateway.Addresses.EnvironmentHost), new StringContent(""))).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await browser.GetAsync(gateway.UrlOf(gateway.Addresses.EnvironmentHost, "/admin"))).StatusCode);
        Assert.IsEmpty(gateway.ReceivedByAnyService);
    }

    private sealed class Fixed(DirectoryModel model) : IDirectorySource
    {
        public DirectoryModel Describe() => model;
    }
}
