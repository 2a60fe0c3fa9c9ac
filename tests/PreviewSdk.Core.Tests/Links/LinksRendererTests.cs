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
        Directory = "http://feature-cart.localhost:7400/",
        SharedLink = "http://feature-cart.localhost:7400/?preview_token=abc",
        Dashboard = "http://dashboard.feature-cart.localhost:7400/",
        Services =
        [
            new ServiceLink("shop-api", "http://shop-api.feature-cart.localhost:7400/"),
            new ServiceLink("web", "http://web.feature-cart.localhost:7400/"),
            new ServiceLink("shop-storefront", "http://shop-storefront.feature-cart.localhost:7400/"),
        ],
    };

    [TestMethod]
    public void RenderTable_AlignsTheLinksUnderTheHeadline()
    {
        var text = LinksRenderer.RenderTable(Links, "is up in 9.4 s");

        Assert.AreEqual(
            "Preview 'feature-cart' (lightweight) is up in 9.4 s\n" +
            "  shared           http://feature-cart.localhost:7400/?preview_token=abc\n" +
            "  dashboard        http://dashboard.feature-cart.localhost:7400/\n" +
            "  shop-api         http://shop-api.feature-cart.localhost:7400/\n" +
            "  web              http://web.feature-cart.localhost:7400/\n" +
            "  shop-storefront  http://shop-storefront.feature-cart.localhost:7400/",
            text);
    }

    [TestMethod]
    public void RenderTable_NoServices_PadsToTheDashboard()
    {
        var links = Links with { Services = [] };

        Assert.AreEqual(
            "Preview 'feature-cart' (lightweight) is already up\n" +
            "  shared     http://feature-cart.localhost:7400/?preview_token=abc\n" +
            "  dashboard  http://dashboard.feature-cart.localhost:7400/",
            LinksRenderer.RenderTable(links, "is already up"));
    }

    [TestMethod]
    public void RenderTable_WithoutToken_ShowsTheDirectoryInsteadOfTheSharedLink()
    {
        var text = LinksRenderer.RenderTable(Links.WithoutToken(), "is ready");

        StringAssert.Contains(text, "  shared           http://feature-cart.localhost:7400/\n");
        Assert.DoesNotContain("preview_token", text);
    }

    [TestMethod]
    public void RenderMarkdown_WritesATableAndTheUtcReadyTime()
    {
        var text = LinksRenderer.RenderMarkdown(Links);

        Assert.AreEqual(
            "### Preview `feature-cart` (lightweight)\n" +
            "\n" +
            "Open <http://feature-cart.localhost:7400/?preview_token=abc>: the link carries the environment's access token; whoever has it opens every link below.\n" +
            "\n" +
            "| resource | link |\n" +
            "|---|---|\n" +
            "| directory | <http://feature-cart.localhost:7400/> |\n" +
            "| dashboard | <http://dashboard.feature-cart.localhost:7400/> |\n" +
            "| shop-api | <http://shop-api.feature-cart.localhost:7400/> |\n" +
            "| web | <http://web.feature-cart.localhost:7400/> |\n" +
            "| shop-storefront | <http://shop-storefront.feature-cart.localhost:7400/> |\n" +
            "\n" +
            "Ready at 2026-11-26 10:04:05 UTC.\n",
            text);
    }

    [TestMethod]
    public void RenderMarkdown_WithoutAuthentication_SaysSo()
    {
        var links = Links with { SharedLink = Links.Directory, TokenRequired = false };

        StringAssert.StartsWith(
            LinksRenderer.RenderMarkdown(links),
            "### Preview `feature-cart` (lightweight)\n\nOpen <http://feature-cart.localhost:7400/>: no authentication (PreviewAuth=none).\n\n");
    }

    private static readonly EnvironmentLinks LimitedLinks = Links with
    {
        Services = [new ServiceLink("shop-api", "http://shop-api.feature-cart.localhost:7400/")],
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
            "  shared     http://feature-cart.localhost:7400/?preview_token=abc\n" +
            "  dashboard  http://dashboard.feature-cart.localhost:7400/\n" +
            "  shop-api   http://shop-api.feature-cart.localhost:7400/\n" +
            "  limits     shop-api: cpu 0.5, memory 512 MiB (cgroup v2)\n" +
            "  limits     shop-worker: memory 256 MiB (best effort: DOTNET_GCHeapHardLimit=192 MiB)",
            LinksRenderer.RenderTable(LimitedLinks, "is up in 9.4 s"));
    }

    [TestMethod]
    public void RenderMarkdown_ListsTheLimitsInOneSentence()
    {
        StringAssert.Contains(
            LinksRenderer.RenderMarkdown(LimitedLinks),
            "| shop-api | <http://shop-api.feature-cart.localhost:7400/> |\n\nLimits per replica: shop-api: cpu 0.5, memory 512 MiB (cgroup v2); shop-worker: memory 256 MiB (best effort: DOTNET_GCHeapHardLimit=192 MiB).\n\nReady at");
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
