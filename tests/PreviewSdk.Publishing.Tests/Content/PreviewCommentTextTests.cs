using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Publishing.Content;

namespace PreviewSdk.Publishing.Tests.Content;

[TestClass]
public sealed class PreviewCommentTextTests
{
    private static readonly EnvironmentLinks Links = new()
    {
        Environment = "pr-42",
        Profile = "lightweight",
        ReadyAt = new DateTimeOffset(2026, 12, 1, 10, 0, 5, TimeSpan.Zero),
        Directory = "http://pr-42.localhost:7400/",
        SharedLink = "http://pr-42.localhost:7400/",
        Dashboard = "http://dashboard.pr-42.localhost:7400/",
        Services = [new ServiceLink("shop-web", "http://shop-web.pr-42.localhost:7400/")],
    };

    private static readonly EnvironmentRecord Record = new()
    {
        Name = "pr-42",
        App = "shop",
        Profile = "lightweight",
        EnvironmentId = "0123",
        HostProcessId = 1,
        StartedAt = new DateTimeOffset(2026, 12, 1, 9, 59, 0, TimeSpan.Zero),
        DashboardUrl = "http://127.0.0.1:35269",
        Branch = "feature/cart",
        ExpiresAt = new DateTimeOffset(2026, 12, 1, 17, 59, 0, TimeSpan.FromHours(1)),
    };

    [TestMethod]
    public void Up_IsTheLinksTableThenAppBranchAndExpiryInUtc()
    {
        Assert.AreEqual(
            "### Preview `pr-42` (lightweight)\n\n" +
            "Open <http://pr-42.localhost:7400/>: it asks for the environment's access token, which is not published here; the environment's owner shares the link that carries it.\n\n" +
            "| resource | link |\n|---|---|\n" +
            "| directory | <http://pr-42.localhost:7400/> |\n" +
            "| dashboard | <http://dashboard.pr-42.localhost:7400/> |\n" +
            "| shop-web | <http://shop-web.pr-42.localhost:7400/> |\n" +
            "\nReady at 2026-12-01 10:00:05 UTC.\n" +
            "App `shop`, branch `feature/cart`; expires at 2026-12-01 16:59 UTC unless extended (`-t:PreviewExtend`).\n",
            PreviewCommentText.Up(Links, Record));
    }

    [TestMethod]
    public void Up_OfAKeptEnvironment_SaysItDoesNotExpire()
    {
        Assert.EndsWith("App `shop`; kept: it does not expire.\n", PreviewCommentText.Up(Links, Record with { Branch = null, Keep = true, ExpiresAt = null }));
    }

    [TestMethod]
    public void Down_SaysTheLinksNoLongerWork()
    {
        Assert.AreEqual(
            "### Preview `pr-42` is down\n\nThe environment `pr-42` of `shop` was stopped at 2026-12-02 08:30 UTC (`-t:PreviewDown`); its links no longer work. `-t:Preview` starts it again.\n",
            PreviewCommentText.Down("shop", "pr-42", new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.FromHours(1))));
    }

    [TestMethod]
    public void Marker_NamesAppAndEnvironment_AndIsHiddenOnTheFirstLine()
    {
        var marker = CommentMarker.For("shop", "pr-42");
        var comment = PreviewCommentText.Comment(marker, "### Preview\n");

        Assert.AreEqual("<!-- previewsdk app=shop environment=pr-42 -->\n### Preview\n", comment);
        Assert.IsTrue(CommentMarker.Marks(marker, comment));
    }

    [TestMethod]
    public void Marker_OfOneEnvironment_DoesNotMarkAnother()
    {
        var comment = PreviewCommentText.Comment(CommentMarker.For("shop", "pr-42"), "x");

        Assert.IsFalse(CommentMarker.Marks(CommentMarker.For("shop", "pr-4"), comment));
        Assert.IsFalse(CommentMarker.Marks(CommentMarker.For("shop-admin", "pr-42"), comment));
        Assert.IsFalse(CommentMarker.Marks(CommentMarker.For("shop", "pr-42"), null));
    }
}
