using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Limits;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Profiles;

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

    [TestMethod]
    public void DirectoryPage_IsTheFirstRow_ByItsSharedLinkWhenItHasOne()
    {
        var links = Links with
        {
            Services = [],
            Directory = new DirectoryLink("http://feature-cart.localhost:7400/", "http://feature-cart.localhost:7400/?preview_token=t0k"),
        };

        Assert.AreEqual(
            "Preview 'feature-cart' (lightweight) is up\n  directory  http://feature-cart.localhost:7400/?preview_token=t0k\n  dashboard  http://127.0.0.1:18888/login?t=abc",
            LinksRenderer.RenderTable(links, "is up"));
        StringAssert.Contains(LinksRenderer.RenderMarkdown(links with { Directory = links.Directory! with { SharedUrl = null } }), "|---|---|\n| directory | <http://feature-cart.localhost:7400/> |\n| dashboard |");
    }

    private static readonly EnvironmentLinks LimitedLinks = Links with
    {
        Services = [new ServiceLink("shop-api", "http://127.0.0.1:5001")],
        Limits =
        [
            new AppliedLimits("shop-api", new ResourceLimits(0.5, 512L << 20), LimitsEnforcement.Cgroup, "cgroup v2"),
            new AppliedLimits("shop-worker", new ResourceLimits(null, 256L << 20), LimitsEnforcement.BestEffort, "DOTNET_GCHeapHardLimit=192 MiB") { Reason = "turned off by PREVIEW_CGROUPS=off" },
        ],
    };

    [TestMethod]
    public void RenderTable_AddsOneLinePerLimitedService()
    {
        Assert.AreEqual(
            "Preview 'feature-cart' (lightweight) is up in 9.4 s\n" +
            "  dashboard  http://127.0.0.1:18888/login?t=abc\n" +
            "  shop-api   http://127.0.0.1:5001\n" +
            "  limits     shop-api: cpu 0.5, memory 512 MiB (cgroup v2)\n" +
            "  limits     shop-worker: memory 256 MiB (best effort: DOTNET_GCHeapHardLimit=192 MiB)",
            LinksRenderer.RenderTable(LimitedLinks, "is up in 9.4 s"));
    }

    [TestMethod]
    public void RenderMarkdown_ListsTheLimitsInOneSentence()
    {
        StringAssert.Contains(
            LinksRenderer.RenderMarkdown(LimitedLinks),
            "| shop-api | <http://127.0.0.1:5001> |\n\nLimits per replica: shop-api: cpu 0.5, memory 512 MiB (cgroup v2); shop-worker: memory 256 MiB (best effort: DOTNET_GCHeapHardLimit=192 MiB).\n\nReady at");
    }

    [TestMethod]
    public void Limits_SurviveTheLinksFile()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf(StateFiles.LinksJson);

        StateJson.Write(path, LimitedLinks);
        var read = StateJson.TryRead<EnvironmentLinks>(path)!;

        CollectionAssert.AreEqual(LimitedLinks.Limits.ToArray(), read.Limits.ToArray());
        StringAssert.Contains(File.ReadAllText(path), "\"enforcement\": \"bestEffort\"");
    }
}
