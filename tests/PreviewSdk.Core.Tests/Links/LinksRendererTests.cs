using PreviewSdk.Core.Links;

namespace PreviewSdk.Core.Tests.Links;

[TestClass]
public sealed class LinksRendererTests
{
    private static readonly EnvironmentLinks Links = new()
    {
        Environment = "feature-cart",
        Profile = "lightweight",
        ReadyAt = new DateTimeOffset(2026, 11, 26, 12, 4, 5, TimeSpan.FromHours(2)),
        Dashboard = "http://127.0.0.1:18888/login?t=abc",
        Services =
        [
            new ServiceLink("shop-api", "http://127.0.0.1:5001"),
            new ServiceLink("shop-api", "https://127.0.0.1:5002"),
            new ServiceLink("web", "http://127.0.0.1:5003"),
            new ServiceLink("shop-storefront", "http://127.0.0.1:5004"),
        ],
    };

    [TestMethod]
    public void RenderTable_AlignsTheLinksUnderTheHeadline()
    {
        var text = LinksRenderer.RenderTable(Links, "is up in 9.4 s");

        Assert.AreEqual(
            "Preview 'feature-cart' (lightweight) is up in 9.4 s\n" +
            "  dashboard        http://127.0.0.1:18888/login?t=abc\n" +
            "  shop-api         http://127.0.0.1:5001\n" +
            "  shop-api         https://127.0.0.1:5002\n" +
            "  web              http://127.0.0.1:5003\n" +
            "  shop-storefront  http://127.0.0.1:5004",
            text);
    }

    [TestMethod]
    public void RenderTable_OnlyTheDashboard_PadsToItsName()
    {
        var links = Links with { Services = [] };

        Assert.AreEqual(
            "Preview 'feature-cart' (lightweight) is already up\n  dashboard  http://127.0.0.1:18888/login?t=abc",
            LinksRenderer.RenderTable(links, "is already up"));
    }

    [TestMethod]
    public void RenderMarkdown_WritesATableAndTheUtcReadyTime()
    {
        var text = LinksRenderer.RenderMarkdown(Links);

        Assert.AreEqual(
            "### Preview `feature-cart` (lightweight)\n" +
            "\n" +
            "| resource | link |\n" +
            "|---|---|\n" +
            "| dashboard | <http://127.0.0.1:18888/login?t=abc> |\n" +
            "| shop-api | <http://127.0.0.1:5001> |\n" +
            "| shop-api | <https://127.0.0.1:5002> |\n" +
            "| web | <http://127.0.0.1:5003> |\n" +
            "| shop-storefront | <http://127.0.0.1:5004> |\n" +
            "\n" +
            "Ready at 2026-11-26 10:04:05 UTC.\n",
            text);
    }
}
