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

    [TestMethod]
    public async Task RemoveAsync_RemovesAnImageCommittedFromTheEnvironmentsContainer_AndKeepsOneWhoseLabelIsEmptied()
    {
        // As a seeded-data template's build leaves them when its app host dies: the intermediate commit carries the
        // container's labels; the template image has the environment's label emptied and must outlive the environment.
        var engine = TestEngine.Require();
        const string image = "localhost/library/postgres:15";
        var environmentId = Guid.NewGuid().ToString("N");
        var template = $"localhost/previewsdk-test-template:{environmentId[..12]}";
        using var client = engine.CreateClient();
        string? container = null;
        string? committed = null;
        try
        {
            container = (await client.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Image = image,
                Cmd = ["true"],
                Labels = new Dictionary<string, string> { [EnvironmentLabels.Environment] = environmentId },
            })).ID;
            committed = (await client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters { ContainerID = container, Config = new Config() })).ID;
            var parts = template.Split(':');
            await client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
            {
                ContainerID = container,
                RepositoryName = parts[0],
                Tag = parts[1],
                Changes = [$"LABEL {EnvironmentLabels.Environment}="],
                Config = new Config(),
            });

            var leftovers = await EnvironmentContainers.RemoveAsync(engine.Endpoint, environmentId);

            Assert.IsEmpty(leftovers, string.Join("; ", leftovers));
            var images = await client.Images.ListImagesAsync(new ImagesListParameters { All = true });
            Assert.IsFalse(images.Any(candidate => candidate.ID.EndsWith(committed.Replace("sha256:", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)),
                "The image committed from the environment's container is still there.");
            Assert.IsTrue(images.Any(candidate => candidate.RepoTags?.Any(tag => tag == template) == true), "The image whose environment label is emptied was removed.");
        }
        catch (Docker.DotNet.DockerImageNotFoundException)
        {
            Assert.Inconclusive($"The engine has no {image}; build it with build/images.sh.");
        }
        finally
        {
            if (container is not null)
            {
                try
                {
                    await client.Containers.RemoveContainerAsync(container, new ContainerRemoveParameters { Force = true });
                }
                catch (Docker.DotNet.DockerApiException)
                {
                    // Removed by the cleanup under test.
                }
            }

            foreach (var leftover in new[] { template, committed })
            {
                if (leftover is not null)
                {
                    try
                    {
                        await client.Images.DeleteImageAsync(leftover, new ImageDeleteParameters { Force = true });
                    }
                    catch (Docker.DotNet.DockerApiException)
                    {
                        // Already gone.
                    }
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
