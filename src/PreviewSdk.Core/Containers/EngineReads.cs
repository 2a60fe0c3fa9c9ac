using System.Net;
using System.Text.RegularExpressions;
using Docker.DotNet;

namespace PreviewSdk.Core.Containers;

/// <summary>
/// Reads from a container engine (lists, a network's inspection) through Podman's half-removed containers. Podman 4
/// removes a container in two steps, its storage first and its record second, and between them fails every call that
/// comes across that container (a list of containers it matches, any list or inspection of networks) with a 500
/// <c>getting container from store "&lt;id&gt;": container not known</c>. That usually lasts a moment. When the
/// process removing it was killed in between (Aspire's orchestrator killed with its app host, or an engine stopped
/// mid-removal), it lasts for good, and every environment on the machine could then no longer be cleaned up.
/// Finishing that removal is what unblocks it (<c>podman rm -f &lt;id&gt;</c>), and it is safe whoever's container it
/// was: with its storage gone it can never run again, and someone had already asked for it to go.
/// </summary>
public static partial class EngineReads
{
    // Calls before a half-removed container is taken for abandoned: a removal under way ends well within this.
    private const int AttemptsBeforeFinishingRemoval = 5;

    private const int Attempts = 20;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// Runs <paramref name="read"/>; when the engine fails it with a 500, runs it again (a few seconds in all), and
    /// finishes the removal of a container Podman names as half-removed once that removal is no longer under way.
    /// </summary>
    public static async Task<T> ReadAsync<T>(DockerClient client, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(read);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.InternalServerError && attempt < Attempts)
            {
                if (attempt >= AttemptsBeforeFinishingRemoval && HalfRemovedContainer(e.ResponseBody) is { } id && finished.Add(id))
                {
                    await FinishRemovalAsync(client, id, cancellationToken);
                    continue;
                }

                await Task.Delay(Pause, cancellationToken);
            }
        }
    }

    /// <summary>The id of the container Podman's answer names as half-removed; null for any other answer.</summary>
    public static string? HalfRemovedContainer(string? answer) =>
        answer is not null && HalfRemoved().Match(answer) is { Success: true } match ? match.Groups["id"].Value : null;

    private static async Task FinishRemovalAsync(DockerClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(id, new Docker.DotNet.Models.ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken);
        }
        catch (DockerApiException)
        {
            // Gone meanwhile, or the engine refuses: the next read shows which, and its refusal is what is reported.
        }
    }

    [GeneratedRegex("""getting container from store \\?"(?<id>[0-9a-f]{12,64})\\?": container not known""")]
    private static partial Regex HalfRemoved();
}
