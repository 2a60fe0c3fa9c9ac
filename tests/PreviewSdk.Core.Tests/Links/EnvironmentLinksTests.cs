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
    public void Through_AServiceThatSpeaksHttp2Only_GetsTheHttp2PortAndIsMarked_OnlyItCarriesTheMarkInJson()
    {
        var addresses = new GatewayAddresses("main", "localhost", "http", 7400)
        {
            Http2Port = 7401,
            Http2Services = new HashSet<string>(["basket"], StringComparer.Ordinal),
        };

        var links = EnvironmentLinks.Through(addresses, null, "main", "lightweight", ReadyAt, ["web", "basket"]);

        Assert.AreEqual(("http://web.main.localhost:7400/", false), (links.Services[0].Url, links.Services[0].Http2Only));
        Assert.AreEqual(("http://basket.main.localhost:7401/", true), (links.Services[1].Url, links.Services[1].Http2Only));
        var json = System.Text.Json.JsonSerializer.Serialize(links.Services, PreviewSdk.Core.Environments.StateJson.Options);
        Assert.AreEqual(1, json.Split("\"http2Only\": true").Length - 1, json);
        Assert.DoesNotContain("false", json);
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

    [TestMethod]
    public void Update_FromManyWritersAtOnce_KeepsEveryChange_AndLeavesNoTemporaryFile()
    {
        // The app host's state reporter, the dashboard's Reset and -t:PreviewSeed each read, change and write the
        // file; once two threads of one process collided on one temporary name, and a change could be written over.
        using var folder = new TempFolder();
        EnvironmentLinks.Write(folder.Root, EnvironmentLinks.Through(new GatewayAddresses("main", "localhost", "http", 7400), "t", "main", "lightweight", ReadyAt, ["web"]));
        const int Writers = 8;
        const int Rounds = 25;

        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, writer =>
        {
            for (var round = 1; round <= Rounds; round++)
            {
                EnvironmentLinks.Update(folder.Root, links => links.WithData($"db{writer}", new SeededDatabase($"db{writer}", round, 1, round)));
            }
        });

        var written = PreviewSdk.Core.Environments.StateJson.TryRead<EnvironmentLinks>(folder.PathOf("links.json"))!;
        CollectionAssert.AreEquivalent(
            Enumerable.Range(0, Writers).Select(writer => ($"db{writer}", Rounds)).ToArray(),
            written.Data.Select(data => (data.Database, data.Seed)).ToArray());
        Assert.IsEmpty(Directory.GetFiles(folder.Root, "*.tmp"));
    }

    [TestMethod]
    public void Update_WithoutLinksYet_WritesNothing_AndAChangeThatReturnsItsInputWritesNothing()
    {
        using var folder = new TempFolder();

        Assert.IsNull(EnvironmentLinks.Update(folder.Root, links => links.WithToken("x")));
        Assert.IsFalse(File.Exists(folder.PathOf("links.json")));

        EnvironmentLinks.Write(folder.Root, EnvironmentLinks.Through(new GatewayAddresses("main", "localhost", "http", 7400), "t", "main", "lightweight", ReadyAt, ["web"]));
        var before = File.GetLastWriteTimeUtc(folder.PathOf("links.json"));
        File.SetLastWriteTimeUtc(folder.PathOf("links.json"), before.AddMinutes(-5));
        Assert.IsNotNull(EnvironmentLinks.Update(folder.Root, links => links));
        Assert.AreEqual(before.AddMinutes(-5), File.GetLastWriteTimeUtc(folder.PathOf("links.json")));
    }
}
