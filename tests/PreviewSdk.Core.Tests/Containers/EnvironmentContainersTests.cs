using System.Diagnostics;
using Docker.DotNet.Models;
using PreviewSdk.Core.Containers;

namespace PreviewSdk.Core.Tests.Containers;

/// <summary>
/// The cleanup against the machine's real engine: a session network Aspire's orchestrator left behind (it was stopped
/// before it removed it) goes with the next cleanup; one whose orchestrator still runs stays.
/// </summary>
[TestClass]
public sealed class EnvironmentContainersTests
{
    private const string CreatorLabel = "com.microsoft.developer.usvc-dev.creatorProcessId";

    [TestMethod]
    public async Task RemoveAsync_RemovesAnEmptySessionNetworkWhoseOrchestratorIsGone_AndKeepsOneWhoseOrchestratorRuns()
    {
        var engine = TestEngine.Require();
        if (!engine.Endpoint.StartsWith("unix:", StringComparison.Ordinal))
        {
            Assert.Inconclusive($"The engine at {engine.Endpoint} is not on this machine's socket; orphans are only recognised there.");
        }

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var orphan = $"aspire-session-network-{suffix}-orphan";
        var live = $"aspire-session-network-{suffix}-live";
        using var client = engine.CreateClient();
        try
        {
            await client.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = orphan, Labels = new Dictionary<string, string> { [CreatorLabel] = ExitedProcessId().ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            await client.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = live, Labels = new Dictionary<string, string> { [CreatorLabel] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) } });

            var leftovers = await EnvironmentContainers.RemoveAsync(engine.Endpoint, Guid.NewGuid().ToString("N"));

            Assert.IsEmpty(leftovers, string.Join("; ", leftovers));
            var names = (await EngineReads.ReadAsync(client, () => client.Networks.ListNetworksAsync(), CancellationToken.None)).Select(network => network.Name).ToList();
            Assert.DoesNotContain(orphan, names, "The orphaned session network is still there.");
            Assert.Contains(live, names, "A session network whose orchestrator runs was removed.");
        }
        finally
        {
            foreach (var name in new[] { orphan, live })
            {
                try
                {
                    await client.Networks.DeleteNetworkAsync(name);
                }
                catch (Docker.DotNet.DockerApiException)
                {
                    // Already gone.
                }
            }
        }
    }

    // The id of a process that ran and exited, so that no process has it now (ids are not reused at once).
    private static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
