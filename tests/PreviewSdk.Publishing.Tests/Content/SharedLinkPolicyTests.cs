using PreviewSdk.Core.Links;
using PreviewSdk.Publishing.Content;

namespace PreviewSdk.Publishing.Tests.Content;

[TestClass]
public sealed class SharedLinkPolicyTests
{
    private const string Token = "f3c1e0a9b7d54c2e8a61d0b9c4e7f2a1";

    // Links as the gateway will write them: a directory page whose shared link carries the token once.
    private static readonly EnvironmentLinks GatewayLinks = new()
    {
        Environment = "pr-42",
        Profile = "lightweight",
        ReadyAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        Directory = "http://pr-42.preview.example.com:7400/",
        SharedLink = $"http://pr-42.preview.example.com:7400/?preview_token={Token}",
        Dashboard = "http://dashboard.pr-42.preview.example.com:7400/",
        Services = [new ServiceLink("shop-web", "http://shop-web.pr-42.preview.example.com:7400/")],
    };

    // Links as they are without a gateway: the dashboard's login link carries Aspire's browser token.
    private static readonly EnvironmentLinks LocalLinks = new()
    {
        Environment = "pr-42",
        Profile = "lightweight",
        ReadyAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        Directory = "http://127.0.0.1:35270/",
        SharedLink = "http://127.0.0.1:35270/",
        TokenRequired = false,
        Dashboard = "http://127.0.0.1:35269/login?t=94befd01449b9f1a14dc6bbdc9cebe23",
        Services = [new ServiceLink("shop-api", "http://localhost:46473"), new ServiceLink("shop-web", "http://localhost:46699")],
    };

    [TestMethod]
    public void ByDefault_TheDirectoryIsPublishedWithoutItsToken()
    {
        var published = SharedLinkPolicy.ForPublication(GatewayLinks, includeToken: false);

        Assert.AreEqual(("http://pr-42.preview.example.com:7400/", "http://pr-42.preview.example.com:7400/"), (published.Directory, published.SharedLink));
        var markdown = LinksRenderer.RenderMarkdown(published);
        Assert.DoesNotContain(Token, markdown);
        Assert.DoesNotContain("preview_token", markdown);
        Assert.Contains("| directory | <http://pr-42.preview.example.com:7400/> |", markdown);
    }

    [TestMethod]
    public void WithCommentToken_TheDirectoryKeepsItsSharedLink()
    {
        var published = SharedLinkPolicy.ForPublication(GatewayLinks, includeToken: true);

        Assert.AreSame(GatewayLinks, published);
        Assert.Contains($"Open <http://pr-42.preview.example.com:7400/?preview_token={Token}>", LinksRenderer.RenderMarkdown(published));
    }

    [TestMethod]
    public void ByDefault_TheDashboardLoginTokenIsLeftOut()
    {
        var published = SharedLinkPolicy.ForPublication(LocalLinks, includeToken: false);

        Assert.AreEqual("http://127.0.0.1:35269/", published.Dashboard);
        Assert.DoesNotContain("94befd01449b9f1a14dc6bbdc9cebe23", LinksRenderer.RenderMarkdown(published));
        CollectionAssert.AreEqual(LocalLinks.Services.ToList(), published.Services.ToList(), "Service links carry no token and stay as they are.");
    }

    [TestMethod]
    [DataRow("http://shop-web.pr-42.localhost:7400/cart?preview_token=abc", "http://shop-web.pr-42.localhost:7400/cart")]
    [DataRow("http://shop-web.pr-42.localhost:7400/cart?page=2&preview_token=abc#top", "http://shop-web.pr-42.localhost:7400/cart?page=2#top")]
    [DataRow("http://localhost:5000/search?t=shoes", "http://localhost:5000/search?t=shoes")]
    [DataRow("http://127.0.0.1:18888/login?t=abc&returnUrl=%2F", "http://127.0.0.1:18888/?returnUrl=%2F")]
    [DataRow("http://localhost:46473", "http://localhost:46473")]
    [DataRow("not a url?preview_token=abc", "not a url?preview_token=abc")]
    public void WithoutToken_RemovesOnlyTokenParameters(string url, string expected)
    {
        Assert.AreEqual(expected, SharedLinkPolicy.WithoutToken(url));
    }
}
