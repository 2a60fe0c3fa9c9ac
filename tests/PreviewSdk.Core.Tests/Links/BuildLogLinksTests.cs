using PreviewSdk.Core.Links;

namespace PreviewSdk.Core.Tests.Links;

[TestClass]
public sealed class BuildLogLinksTests
{
    private static readonly EnvironmentLinks Links = new()
    {
        Environment = "pr-42",
        Profile = "lightweight",
        ReadyAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        Directory = "http://pr-42.localhost:7400/",
        SharedLink = "http://pr-42.localhost:7400/?preview_token=s3cr3t",
        Dashboard = "http://dashboard.pr-42.localhost:7400/",
        Services = [new ServiceLink("shop-web", "http://shop-web.pr-42.localhost:7400/")],
    };

    [TestMethod]
    public void OnADevelopersMachine_TheLogShowsTheSharedLink()
    {
        var shown = BuildLogLinks.ForLog(Links, _ => null);

        Assert.Contains("?preview_token=s3cr3t", LinksRenderer.RenderTable(shown, "is up"));
        Assert.AreEqual("Links: /s/links.json and links.md.", BuildLogLinks.WhereKept("/s/links.json", Links, _ => null));
    }

    [TestMethod]
    public void UnderGitHubActions_TheLogShowsNoToken_AndSaysWhereTheSharedLinkIs()
    {
        Func<string, string?> actions = name => name == "GITHUB_ACTIONS" ? "true" : null;

        var table = LinksRenderer.RenderTable(BuildLogLinks.ForLog(Links, actions), "is up");

        Assert.DoesNotContain("s3cr3t", table);
        Assert.Contains("http://pr-42.localhost:7400/", table);
        Assert.AreEqual(
            "Links: /s/links.json and links.md. The shared link (with the access token) is there only: a CI log is not private.",
            BuildLogLinks.WhereKept("/s/links.json", Links, actions));
    }
}
