using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;

namespace PreviewSdk.Core.Tests.Links;

[TestClass]
public sealed class EnvironmentLinksTests
{
    [TestMethod]
    public void From_KeepsOnlyHttpUrls_InResourceThenEndpointOrder()
    {
        var readyAt = new DateTimeOffset(2026, 11, 26, 10, 30, 0, TimeSpan.Zero);
        var report = new ReadyReport
        {
            ReadyAt = readyAt,
            DashboardUrl = "http://127.0.0.1:18888",
            DashboardLoginUrl = "http://127.0.0.1:18888/login?t=secret",
            Resources =
            [
                new ResourceStatus { Name = "postgres", Type = "Executable", Urls = ["tcp://127.0.0.1:5432"] },
                new ResourceStatus { Name = "shop-api", Type = "Project", Urls = ["http://127.0.0.1:5001", "https://127.0.0.1:5002"] },
                new ResourceStatus { Name = "cache", Type = "Executable", Urls = ["redis://127.0.0.1:6379", "HTTP://shouting.example", "httpx://nope"] },
                new ResourceStatus { Name = "shop-web", Type = "Project", Urls = ["http://127.0.0.1:5003"] },
                new ResourceStatus { Name = "shop-worker", Type = "Project" },
            ],
        };

        var links = EnvironmentLinks.From("feature-cart", "lightweight", report);

        Assert.AreEqual("feature-cart", links.Environment);
        Assert.AreEqual("lightweight", links.Profile);
        Assert.AreEqual(readyAt, links.ReadyAt);
        Assert.AreEqual("http://127.0.0.1:18888/login?t=secret", links.Dashboard, "the dashboard link carries the login token");
        CollectionAssert.AreEqual(
            new[]
            {
                new ServiceLink("shop-api", "http://127.0.0.1:5001"),
                new ServiceLink("shop-api", "https://127.0.0.1:5002"),
                new ServiceLink("shop-web", "http://127.0.0.1:5003"),
            },
            links.Services.ToArray());
    }

    [TestMethod]
    public void From_NoHttpResources_HasNoServiceLinks()
    {
        var report = new ReadyReport
        {
            ReadyAt = DateTimeOffset.UnixEpoch,
            DashboardUrl = "http://d",
            DashboardLoginUrl = "http://d/login",
            Resources = [new ResourceStatus { Name = "cache", Type = "Executable", Urls = ["redis://x"] }],
        };

        Assert.IsEmpty(EnvironmentLinks.From("e", "p", report).Services);
    }
}
