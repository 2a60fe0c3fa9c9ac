using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// The gateway as a resource of a real app host: in the dashboard's model with its state and URL, serving the
/// directory page with the live health of a real PostgreSQL server, and failing its resource (not the app host)
/// when it cannot listen.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class GatewayTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task TheGateway_IsARunningResourceWithItsUrl_AndServesTheDirectoryWithLiveHealth_OnlyWithTheToken()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        builder.AddLocalPostgres("postgres").AddDatabase("appdb");
        await using var app = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceAsync(PreviewGatewayResource.DefaultName, KnownResourceStates.Running, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("appdb", timeout.Token);

        Assert.IsTrue(app.ResourceNotifications.TryGetCurrentState(PreviewGatewayResource.DefaultName, out var gateway));
        Assert.AreEqual("Gateway", gateway.Snapshot.ResourceType);
        var directory = gateway.Snapshot.Urls.Single().Url;
        Assert.MatchesRegex(@"^http://test\.localhost:\d+/$", directory);
        Assert.AreEqual("token", gateway.Snapshot.Properties.Single(property => property.Name == "gateway.auth").Value);

        var token = AccessTokenFile.Read(test.StateDirectory);
        Assert.IsNotNull(token, "An app host started without -t:Preview issues its own token.");
        var port = new Uri(directory).Port;
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await GetAsync(port, "test.localhost", null)).Status);
        var page = await GetAsync(port, "test.localhost", token);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.Text);
        StringAssert.Contains(page.Text, "<tr><th scope=\"row\">appdb</th><td>–</td><td><span class=\"ok\">Healthy</span></td></tr>");
        Assert.DoesNotContain(PreviewGatewayResource.DefaultName, page.Text, "The page lists itself.");

        var ready = await TestRuntime.WaitForFileAsync<ReadyReport>(Path.Combine(test.StateDirectory, StateFiles.Ready), timeout.Token);
        Assert.AreEqual($"127.0.0.1:{port}", ready.GatewayEndpoint);
        var links = StateJson.TryRead<EnvironmentLinks>(Path.Combine(test.StateDirectory, StateFiles.LinksJson))!;
        Assert.AreEqual((directory, $"{directory}?preview_token={token}"), (links.Directory, links.SharedLink));
        await app.StopAsync(timeout.Token);
    }

    [TestMethod]
    public async Task AGatewayThatCannotListen_FailsItsResourceWithPreview5003_AndTheStartReportsIt()
    {
        using var test = new TestRuntime();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        Environment.SetEnvironmentVariable(PreviewVariables.GatewayPort, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var builder = test.CreateBuilder();
            await using var app = builder.Build();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
            timeout.CancelAfter(StartTimeout);
            await app.StartAsync(timeout.Token);

            var failure = await TestRuntime.WaitForFileAsync<FailureReport>(Path.Combine(test.StateDirectory, StateFiles.Failed), timeout.Token);
            Assert.AreEqual((PreviewGatewayResource.DefaultName, KnownResourceStates.FailedToStart), (failure.Resource, failure.State));
            var log = await File.ReadAllTextAsync(Path.Combine(test.StateDirectory, StateFiles.LogsFolder, PreviewGatewayResource.DefaultName + ".log"), timeout.Token);
            StringAssert.Contains(log, $"PREVIEW5003: The gateway of preview 'test' could not listen on 127.0.0.1:{port}");
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PreviewVariables.GatewayPort, null);
        }
    }

    private static async Task<(HttpStatusCode Status, string Text)> GetAsync(int port, string host, string? token)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/");
        request.Headers.Host = $"{host}:{port}";
        if (token is not null)
        {
            request.Headers.Add("X-Preview-Token", token);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
