using PreviewSdk.Core.Links;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Core.Tests.Links;

[TestClass]
public sealed class EnvironmentLinksTests
{
    private static readonly DateTimeOffset ReadyAt = new(2026, 11, 26, 10, 30, 0, TimeSpan.Zero);

    [TestMethod]
    public void Through_PointsEveryLinkAtTheGatewayByHost_AndOnlyTheSharedLinkCarriesTheToken()
    {
        var addresses = new GatewayAddresses("feature-cart", "localhost", "http", 7400);

        var links = EnvironmentLinks.Through(addresses, "s3cr-t_", "feature-cart", "lightweight", ReadyAt, ["shop-api", "shop-web"]);

        Assert.AreEqual(("feature-cart", "lightweight", ReadyAt), (links.Environment, links.Profile, links.ReadyAt));
        Assert.AreEqual("http://feature-cart.localhost:7400/", links.Directory);
        Assert.AreEqual("http://feature-cart.localhost:7400/?preview_token=s3cr-t_", links.SharedLink);
        Assert.IsTrue(links.TokenRequired);
        Assert.AreEqual("http://dashboard.feature-cart.localhost:7400/", links.Dashboard);
        CollectionAssert.AreEqual(
            new[] { new ServiceLink("shop-api", "http://shop-api.feature-cart.localhost:7400/"), new ServiceLink("shop-web", "http://shop-web.feature-cart.localhost:7400/") },
            links.Services.ToArray());
    }

    [TestMethod]
    public void Through_WithoutToken_SharesTheDirectoryItself()
    {
        var links = EnvironmentLinks.Through(new GatewayAddresses("main", "localhost", "http", 7400), null, "main", "lightweight", ReadyAt, []);

        Assert.AreEqual(links.Directory, links.SharedLink);
        Assert.IsFalse(links.TokenRequired);
    }

    [TestMethod]
    public void Through_APublicUrlOnTheDefaultPort_LeavesThePortOut()
    {
        var settings = new GatewaySettings { PublicUrl = new Uri("https://preview.example.com"), Domain = "preview.example.com" };

        var links = EnvironmentLinks.Through(GatewayAddresses.For(settings, "pr-42", 41234, ["web"]), "t", "pr-42", "lightweight", ReadyAt, ["web"]);

        Assert.AreEqual("https://pr-42.preview.example.com/?preview_token=t", links.SharedLink);
        Assert.AreEqual("https://web.pr-42.preview.example.com/", links.Services.Single().Url);
    }

    [TestMethod]
    public void WithToken_ReplacesTheTokenOfTheSharedLinkOnly()
    {
        var links = EnvironmentLinks.Through(new GatewayAddresses("main", "localhost", "http", 7400), "old", "main", "lightweight", ReadyAt, ["web"]);

        var rotated = links.WithToken("new");

        Assert.AreEqual("http://main.localhost:7400/?preview_token=new", rotated.SharedLink);
        Assert.AreEqual(links with { SharedLink = rotated.SharedLink }, rotated);
        Assert.AreEqual(links.Directory, links.WithoutToken().SharedLink);
    }
}
