using Docker.DotNet;
using Docker.DotNet.Models;

namespace PreviewSdk.Core.Containers;

/// <summary>
/// Removes what an environment left in a container engine: every container, volume, network and committed image
/// labelled <c>previewsdk.environment=&lt;id&gt;</c>, and the networks Aspire's orchestrator made for those containers (it
/// labels none of its own), once no container is attached to them. Nothing without the environment's label is
/// touched, apart from such an emptied network and an empty session network whose orchestrator no longer runs.
/// </summary>
public static class EnvironmentContainers
{
    // A container that still runs is stopped first, with this long between SIGTERM and SIGKILL; removing it
    // directly would wait for its own stop timeout (10 s by default).
    private const int StopSeconds = 3;

    // Stopping and removing a container may take several seconds on a loaded machine.
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(60);

    // The label Aspire's orchestrator puts on the networks it creates: its own process id.
    private const string SessionCreatorLabel = "com.microsoft.developer.usvc-dev.creatorProcessId";

    // The engines' own networks, never removed.
    private static readonly HashSet<string> BuiltInNetworks = new(StringComparer.Ordinal) { "bridge", "host", "none", "podman" };

    /// <summary>Removes everything labelled for <paramref name="environmentId"/>; returns what could not be removed (empty when all went).</summary>
    /// <param name="endpoint">The engine the environment used (recorded when it started).</param>
    /// <param name="environmentId">The environment's id.</param>
    /// <param name="cancellationToken">Stops the cleanup.</param>
    public static async Task<IReadOnlyList<string>> RemoveAsync(string endpoint, string environmentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(environmentId);
        var leftovers = new List<string>();
        using var client = new DockerClientConfiguration(new Uri(endpoint), credentials: null, defaultTimeout: CleanupTimeout).CreateClient();
        var filter = EnvironmentLabels.FilterFor(environmentId);
        IList<ContainerListResponse> containers;
        try
        {
            containers = await ListContainersAsync(client, filter, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or DockerApiException or IOException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // An engine that is gone took its containers with it, or will show them to the next cleanup.
            return [e is DockerApiException api ? ListRefused(endpoint, api) : $"the engine at {endpoint} does not answer: {e.Message}"];
        }

        var networks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            foreach (var network in container.NetworkSettings?.Networks?.Keys ?? [])
            {
                networks.Add(network);
            }

            if (container.State == "running")
            {
                await TryAsync(() => client.Containers.StopContainerAsync(container.ID, new ContainerStopParameters { WaitBeforeKillSeconds = StopSeconds }, cancellationToken),
                    $"container {Name(container)}", [], cancellationToken);
            }
            else if (container.State == "stopping")
            {
                // A stop that was interrupted (Aspire's orchestrator killed with its app host while it stopped the
                // container) leaves Podman's state at "stopping" with the process alive, and Podman 4 then removes
                // the container's record without killing it: the process would run on with nothing to find it by.
                await TryAsync(() => KillAsync(client, container.ID, cancellationToken), $"container {Name(container)}", [], cancellationToken);
            }

            // RemoveVolumes takes its anonymous volumes (an image's VOLUME) along.
            await TryAsync(() => client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken),
                $"container {Name(container)}", leftovers, cancellationToken);
        }

        await TryAsync(async () =>
        {
            var volumes = await EngineReads.ReadAsync(client, () => client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, cancellationToken), cancellationToken);
            foreach (var volume in volumes.Volumes ?? [])
            {
                await TryAsync(() => client.Volumes.RemoveAsync(volume.Name, force: true, cancellationToken), $"volume {volume.Name}", leftovers, cancellationToken);
            }

            foreach (var network in await ListNetworksAsync(client, new NetworksListParameters { Filters = filter }, cancellationToken))
            {
                await TryAsync(() => client.Networks.DeleteNetworkAsync(network.ID, cancellationToken), $"network {network.Name}", leftovers, cancellationToken);
            }

            foreach (var network in networks.Where(name => !BuiltInNetworks.Contains(name)))
            {
                await RemoveIfEmptyAsync(client, network, cancellationToken);
            }

            await RemoveCommittedImagesAsync(client, filter, cancellationToken);

            await RemoveOrphanedSessionNetworksAsync(client, endpoint, cancellationToken);
        }, "volumes and networks", leftovers, cancellationToken);

        // Aspire's orchestrator may be removing a container at the same time ("removal already in progress"): what
        // is gone a little later was not left over.
        if (leftovers.Any(leftover => leftover.StartsWith("container ", StringComparison.Ordinal)))
        {
            for (var attempt = 0; attempt < 20 && (await ListAsync(endpoint, environmentId, cancellationToken)).Any(item => item.StartsWith("container ", StringComparison.Ordinal)); attempt++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }

            var remaining = await ListAsync(endpoint, environmentId, cancellationToken);
            leftovers.RemoveAll(leftover => leftover.StartsWith("container ", StringComparison.Ordinal) && !remaining.Any(item => leftover.StartsWith(item + ":", StringComparison.Ordinal)));
        }

        return leftovers;
    }

    // A commit keeps the container's labels: the intermediate image of a seeded-data template's build carries the
    // environment's (the template image has them emptied). Left only when the app host died in the middle of a
    // build. Best effort, never a leftover: an engine may keep a parent image of another (Docker does).
    private static async Task RemoveCommittedImagesAsync(DockerClient client, IDictionary<string, IDictionary<string, bool>> filter, CancellationToken cancellationToken)
    {
        var images = await EngineReads.ReadAsync(client, () => client.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter }, cancellationToken), cancellationToken);
        foreach (var image in images)
        {
            try
            {
                await client.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters(), cancellationToken);
            }
            catch (DockerApiException)
            {
                // Kept by the engine; `podman image prune` removes it once it is nobody's parent.
            }
        }
    }

    /// <summary>
    /// The teardowns' step (PreviewDown, the sweep, expiry): removes what is labelled for the environment of
    /// <paramref name="record"/> in the engine it recorded; nothing to do (and no engine asked) when it recorded none.
    /// Returns what could not be removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveRecorded(Environments.EnvironmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.ContainerEngine is { Length: > 0 } endpoint
            ? RemoveAsync(endpoint, record.EnvironmentId).GetAwaiter().GetResult()
            : [];
    }

    /// <summary>Whether anything labelled for <paramref name="environmentId"/> is in the engine at <paramref name="endpoint"/>.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(string endpoint, string environmentId, CancellationToken cancellationToken = default)
    {
        using var client = ContainerEngine.CreateClient(endpoint);
        var filter = EnvironmentLabels.FilterFor(environmentId);
        var containers = await ListContainersAsync(client, filter, cancellationToken);
        var volumes = await EngineReads.ReadAsync(client, () => client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, cancellationToken), cancellationToken);
        var networks = await ListNetworksAsync(client, new NetworksListParameters { Filters = filter }, cancellationToken);
        return containers.Select(c => $"container {Name(c)}")
            .Concat((volumes.Volumes ?? []).Select(v => $"volume {v.Name}"))
            .Concat(networks.Select(n => $"network {n.Name}"))
            .ToList();
    }

    private static Task<IList<ContainerListResponse>> ListContainersAsync(
        DockerClient client, IDictionary<string, IDictionary<string, bool>> filter, CancellationToken cancellationToken) =>
        EngineReads.ReadAsync(client, () => client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, cancellationToken), cancellationToken);

    private static Task<IList<NetworkResponse>> ListNetworksAsync(DockerClient client, NetworksListParameters parameters, CancellationToken cancellationToken) =>
        EngineReads.ReadAsync(client, () => client.Networks.ListNetworksAsync(parameters, cancellationToken), cancellationToken);

    /// <summary>
    /// What to tell about an engine that refused to list: its answer, and for Podman's "container not known" (a
    /// container stuck being removed, typically after an engine or orchestrator was killed mid-removal, makes it
    /// fail every list, for good) the command that unblocks it.
    /// </summary>
    internal static string ListRefused(string endpoint, DockerApiException refusal)
    {
        var answer = refusal.ResponseBody?.Trim() is { Length: > 0 } body ? body : refusal.StatusCode.ToString();
        var stuck = refusal.StatusCode == System.Net.HttpStatusCode.InternalServerError
            && (answer.Contains("not known", StringComparison.OrdinalIgnoreCase) || answer.Contains("no such container", StringComparison.OrdinalIgnoreCase));
        return stuck
            ? $"the engine at {endpoint} could not list them: {answer} (a container stuck in the Removing state makes Podman fail every list: find it with `podman ps -a` and remove it with `podman rm -f <id>`)"
            : $"the engine at {endpoint} could not list them: {answer}";
    }

    // Aspire's orchestrator (DCP) removes its session network as it stops. When it removed the containers first and
    // was stopped before the network, the list above found no container to learn the network from: it stays behind,
    // empty, labelled with the orchestrator's process id, which no longer runs. Only for an engine on this machine,
    // where that process id means something; and only empty networks, whoever's orphan they are.
    private static async Task RemoveOrphanedSessionNetworksAsync(DockerClient client, string endpoint, CancellationToken cancellationToken)
    {
        if (!endpoint.StartsWith("unix:", StringComparison.Ordinal))
        {
            return;
        }

        var sessionNetworks = new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [SessionCreatorLabel] = true } },
        };
        IList<NetworkResponse> found;
        try
        {
            found = await ListNetworksAsync(client, sessionNetworks, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or DockerApiException or IOException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Not this environment's: an orphan the engine cannot list now goes with a later cleanup.
            return;
        }

        foreach (var network in found)
        {
            if (network.Labels?.TryGetValue(SessionCreatorLabel, out var creator) == true
                && int.TryParse(creator, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var processId)
                && !Directory.Exists($"/proc/{processId}"))
            {
                await RemoveIfEmptyAsync(client, network.Name, cancellationToken);
            }
        }
    }

    private static async Task RemoveIfEmptyAsync(DockerClient client, string network, CancellationToken cancellationToken)
    {
        try
        {
            var inspected = await EngineReads.ReadAsync(client, () => client.Networks.InspectNetworkAsync(network, cancellationToken), cancellationToken);
            if (inspected.Containers is not { Count: > 0 })
            {
                await client.Networks.DeleteNetworkAsync(inspected.ID, cancellationToken);
            }
        }
        catch (DockerApiException)
        {
            // Gone already, or another environment's container joined it: it is not this environment's to remove.
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // Not answering now: an empty network is harmless, and the next cleanup of a container on it tries again.
        }
    }

    // SIGKILL, then until the engine saw the process end: removed before, the container would still be "stopping".
    private static async Task KillAsync(DockerClient client, string id, CancellationToken cancellationToken)
    {
        await client.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = "SIGKILL" }, cancellationToken);
        using var exited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        exited.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await client.Containers.WaitContainerAsync(id, exited.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not seen ending within 10 s: removing it is still the best there is left to do.
        }
    }

    private static async Task TryAsync(Func<Task> remove, string what, List<string> leftovers, CancellationToken cancellationToken)
    {
        try
        {
            await remove();
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Removed meanwhile (Aspire's orchestrator removes its containers as it stops).
        }
        catch (DockerApiException e) when (!cancellationToken.IsCancellationRequested)
        {
            leftovers.Add($"{what}: {e.ResponseBody.Trim()}");
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            leftovers.Add($"{what}: the engine did not answer in time ({e.Message})");
        }
    }

    private static string Name(ContainerListResponse container) =>
        container.Names?.FirstOrDefault()?.TrimStart('/') ?? container.ID[..Math.Min(12, container.ID.Length)];
}
