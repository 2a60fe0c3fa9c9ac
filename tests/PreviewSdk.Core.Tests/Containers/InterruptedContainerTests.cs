using System.Diagnostics;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using PreviewSdk.Core.Containers;

namespace PreviewSdk.Core.Tests.Containers;

/// <summary>
/// What Aspire's orchestrator leaves when it is killed while it removes or stops a container, made with the real
/// engine. A container Podman half removed (storage gone, record kept; made here by deleting the storage of a created
/// container with c/storage's own tool) makes the engine's list calls fail: the cleanup finishes that removal and goes
/// on, whoever's container it was. A container whose stop was interrupted stays "stopping" with its process alive:
/// the cleanup kills it before removing it, or Podman would drop the record and leave the process running.
/// </summary>
[TestClass]
public sealed class InterruptedContainerTests
{
    private const string Image = "localhost/library/redis:7";

    [TestMethod]
    public void HalfRemovedContainer_ReadsTheIdFromPodmansAnswer_AndNothingFromAnyOther()
    {
        const string Id = "080fd5c9c5ab2819da5298d3380c7397abeeec572d84fa898eccd1d84ba1125d";

        Assert.AreEqual(Id, EngineReads.HalfRemovedContainer($$"""{"cause":"container not known","message":"getting container from store \"{{Id}}\": container not known","response":500}"""));
        Assert.AreEqual(Id, EngineReads.HalfRemovedContainer($"getting container from store \"{Id}\": container not known"));
        Assert.IsNull(EngineReads.HalfRemovedContainer("""{"cause":"no such container","message":"container 3f2a9c not known","response":500}"""));
        Assert.IsNull(EngineReads.HalfRemovedContainer("""{"message":"database is locked","response":500}"""));
        Assert.IsNull(EngineReads.HalfRemovedContainer(null));
    }

    [TestMethod]
    public async Task RemoveAsync_AnOwnContainerHalfRemovedByAKilledOrchestrator_IsRemovedNotLeftOver()
    {
        var (engine, client) = Require();
        using var _ = client;
        var ours = Guid.NewGuid().ToString("N");
        var halfRemoved = await CreateAsync(client, ours);
        try
        {
            DeleteStorage(halfRemoved);
            var refused = await Assert.ThrowsExactlyAsync<DockerApiException>(() => client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = EnvironmentLabels.FilterFor(ours) }));
            Assert.AreEqual(HttpStatusCode.InternalServerError, refused.StatusCode, "The half-removed container should make Podman fail the environment's list.");

            var leftovers = await EnvironmentContainers.RemoveAsync(engine.Endpoint, ours);

            Assert.IsEmpty(leftovers, string.Join("; ", leftovers));
            Assert.IsEmpty(await EnvironmentContainers.ListAsync(engine.Endpoint, ours));
        }
        finally
        {
            await RemoveQuietlyAsync(client, halfRemoved);
        }
    }

    [TestMethod]
    public async Task RemoveAsync_AnotherEnvironmentsHalfRemovedContainer_DoesNotKeepItsEmptiedNetworkBehind()
    {
        var (engine, client) = Require();
        using var _ = client;
        var ours = Guid.NewGuid().ToString("N");
        var network = $"previewsdk-test-{ours[..8]}";
        await client.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = network });
        var own = await CreateAsync(client, ours, network);
        var halfRemoved = await CreateAsync(client, Guid.NewGuid().ToString("N"));
        try
        {
            DeleteStorage(halfRemoved);
            var refused = await Assert.ThrowsExactlyAsync<DockerApiException>(() => client.Networks.InspectNetworkAsync(network));
            Assert.AreEqual(HttpStatusCode.InternalServerError, refused.StatusCode, "The half-removed container should make Podman fail a network's inspection.");

            var leftovers = await EnvironmentContainers.RemoveAsync(engine.Endpoint, ours);

            Assert.IsEmpty(leftovers, string.Join("; ", leftovers));
            var networks = await client.Networks.ListNetworksAsync();
            Assert.IsFalse(networks.Any(n => n.Name == network), "The environment's emptied network was left behind.");
            var all = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
            Assert.IsFalse(all.Any(container => container.ID == own || container.ID == halfRemoved), "A container is still listed.");
        }
        finally
        {
            await RemoveQuietlyAsync(client, own);
            await RemoveQuietlyAsync(client, halfRemoved);
            try
            {
                await client.Networks.DeleteNetworkAsync(network);
            }
            catch (DockerApiException)
            {
                // Already gone, as it should be.
            }
        }
    }

    [TestMethod]
    public async Task RemoveAsync_AContainerWhoseStopWasInterrupted_IsKilledNotLeftRunningWithoutARecord()
    {
        var (engine, client) = Require();
        using var _ = client;
        var ours = Guid.NewGuid().ToString("N");
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = Image,
            // Ignores SIGTERM, as a process busy shutting down does: its stop takes the whole timeout.
            Entrypoint = ["sh", "-c", "trap '' TERM; while true; do sleep 1; done"],
            Labels = new Dictionary<string, string> { [EnvironmentLabels.Environment] = ours },
        });
        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            var processId = (await client.Containers.InspectContainerAsync(created.ID)).State.Pid;
            Assert.IsTrue(Directory.Exists($"/proc/{processId}"), "The container's process should run.");
            await InterruptStopAsync(client, created.ID);

            var leftovers = await EnvironmentContainers.RemoveAsync(engine.Endpoint, ours);

            Assert.IsEmpty(leftovers, string.Join("; ", leftovers));
            Assert.IsEmpty(await EnvironmentContainers.ListAsync(engine.Endpoint, ours));
            var stopwatch = Stopwatch.StartNew();
            while (Directory.Exists($"/proc/{processId}") && stopwatch.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }

            Assert.IsFalse(Directory.Exists($"/proc/{processId}"), $"The container's process {processId} runs on without a container.");
        }
        finally
        {
            await RemoveQuietlyAsync(client, created.ID);
        }
    }

    // A stop killed midway, as when the orchestrator running it is killed: Podman's state stays "stopping".
    private static async Task InterruptStopAsync(DockerClient client, string id)
    {
        using var stop = Process.Start(new ProcessStartInfo("podman", ["stop", "--time", "120", id]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stopwatch = Stopwatch.StartNew();
        while ((await client.Containers.InspectContainerAsync(id)).State.Status != "stopping")
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(30), stopwatch.Elapsed, "The container never reached the stopping state.");
            await Task.Delay(100);
        }

        stop.Kill();
        await stop.WaitForExitAsync();
        Assert.AreEqual("stopping", (await client.Containers.InspectContainerAsync(id)).State.Status, "The interrupted stop should leave the container stopping.");
    }

    private static (ContainerEngine Engine, DockerClient Client) Require()
    {
        var engine = TestEngine.Require();
        RuntimeResolverTests.RequireImage(engine, Image);
        if (!engine.Endpoint.StartsWith("unix:", StringComparison.Ordinal) || !OnPath("containers-storage") || !OnPath("podman"))
        {
            Assert.Inconclusive("Needs Podman on this machine and c/storage's tool (Debian's containers-storage, which .ci/run installs) to interrupt a container's removal or stop.");
        }

        return (engine, engine.CreateClient());
    }

    private static async Task RemoveQuietlyAsync(DockerClient client, string id)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }
        catch (DockerApiException)
        {
            // Already gone, as it should be.
        }
    }

    private static async Task<string> CreateAsync(DockerClient client, string environmentId, string? network = null)
    {
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = Image,
            Cmd = ["true"],
            Labels = new Dictionary<string, string> { [EnvironmentLabels.Environment] = environmentId },
            HostConfig = network is null ? null : new HostConfig { NetworkMode = network },
        });
        return created.ID;
    }

    // Podman removes a container's storage first and its record second; deleting the storage alone leaves what a
    // removal killed between the two leaves.
    private static void DeleteStorage(string id)
    {
        using var process = Process.Start(new ProcessStartInfo("containers-storage", ["delete-container", id]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"containers-storage delete-container {id}: {error}");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, tool)));
}
