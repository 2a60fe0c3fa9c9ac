using System.Diagnostics;
using System.Globalization;
using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// A real service with two replicas behind the gateway of a real app host: the gateway knows each replica's own port
/// (not Aspire's endpoint), shares the requests between both, keeps answering while one is killed, and follows the
/// restarted one to wherever it listens now.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class GatewayReplicaTests
{
    private const string Service = "echo";

    // How long the gateway passes over a replica that refused a connection (ReplicaBalancer.RefusedFor), and a little more.
    private static readonly TimeSpan ReplicaBalancerRefusal = TimeSpan.FromSeconds(2.5);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task TheGateway_SharesRequestsBetweenTheReplicasOwnPorts_AndFollowsAKilledReplicaThroughItsRestart()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var echo = builder.AddPreviewService<Projects.PreviewSdk_Hosting_TestService>(Service, isWeb: true).WithReplicas(2);
        await using var app = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        await app.StartAsync(timeout.Token);
        await TestRuntime.WaitForFileAsync<ReadyReport>(Path.Combine(test.StateDirectory, StateFiles.Ready), timeout.Token);
        var replicas = app.Services.GetRequiredService<ServiceReplicas>();
        await WaitUntil(() => replicas.Of(Service).Count == 2, "both replicas are known", timeout.Token);

        var known = replicas.Of(Service);
        var sharedPort = echo.Resource.GetEndpoint("http").Port;
        Assert.IsFalse(known.Any(address => address.Port == sharedPort), $"A replica's address is Aspire's endpoint ({sharedPort}): {string.Join(", ", known)}");
        var gateway = app.Services.GetRequiredService<PreviewGatewayRunner>();
        using var client = new Client(gateway, AccessTokenFile.Read(test.StateDirectory)!);
        // Running is when the process started, not when it listens: a replica that refused is passed over a while.
        await WaitUntilListening(known, timeout.Token);
        await Task.Delay(ReplicaBalancerRefusal, timeout.Token);

        var answers = new List<Answer>();
        for (var request = 0; request < 6; request++)
        {
            answers.Add(await client.GetAsync(timeout.Token));
        }

        var pids = answers.Select(answer => answer.ProcessId).Distinct().ToList();
        Assert.HasCount(2, pids, $"The requests went to one replica only: {string.Join(", ", answers)}; known: {string.Join(", ", known)}");
        CollectionAssert.AreEquivalent(known.Select(address => address.Port).ToList(), answers.Select(answer => answer.Port).Distinct().ToList(),
            "The replicas answered on other ports than the gateway knows.");

        // Killed: until the app host notices, the gateway passes over it; then it is restarted (the profile's policy).
        var killed = pids[0];
        Process.GetProcessById(killed).Kill();
        for (var request = 0; request < 6; request++)
        {
            Assert.AreNotEqual(killed, (await client.GetAsync(timeout.Token)).ProcessId);
        }

        // Its end leaves the list (the restart policy waits a second before starting it again), its restart rejoins it.
        await WaitUntil(() => replicas.Of(Service).Count == 1, "the killed replica left the list", timeout.Token);
        await WaitUntil(() => replicas.Of(Service).Count == 2, "the killed replica is back", timeout.Token);
        TestContext.WriteLine($"Replicas before: {string.Join(", ", known)}; after the restart: {string.Join(", ", replicas.Of(Service))}.");
        var now = replicas.Of(Service);
        await WaitUntilListening(now, timeout.Token);
        await Task.Delay(ReplicaBalancerRefusal, timeout.Token);
        var seen = new HashSet<int>();
        for (var request = 0; request < 6; request++)
        {
            var answer = await client.GetAsync(timeout.Token);
            Assert.Contains(answer.Port, now.Select(address => address.Port).ToList());
            seen.Add(answer.ProcessId);
        }

        Assert.HasCount(2, seen, "the restarted replica gets requests again");
        Assert.DoesNotContain(killed, seen);
        await app.StopAsync(timeout.Token);
    }

    private static async Task WaitUntilListening(IEnumerable<Uri> addresses, CancellationToken cancellationToken)
    {
        foreach (var address in addresses)
        {
            while (true)
            {
                using var connection = new System.Net.Sockets.TcpClient();
                try
                {
                    await connection.ConnectAsync(IPAddress.Loopback, address.Port, cancellationToken);
                    break;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }

    private static async Task WaitUntil(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            Assert.IsFalse(cancellationToken.IsCancellationRequested, $"Timed out before {what}.");
            await Task.Delay(100, cancellationToken);
        }
    }

    private sealed record Answer(int ProcessId, int Port);

    // Through the gateway, with the token header and the service's host name.
    private sealed class Client(PreviewGatewayRunner gateway, string token) : IDisposable
    {
        private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

        public async Task<Answer> GetAsync(CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{gateway.Endpoint}/");
            request.Headers.Host = new Uri(gateway.Addresses!.ServiceUrl(Service)).Authority;
            request.Headers.Add("X-Preview-Token", token);
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, text);
            var parts = text.Split(' ');
            return new Answer(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        public void Dispose() => http.Dispose();
    }
}
