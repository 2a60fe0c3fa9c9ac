using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using PreviewSdk.Core.Templates;

namespace PreviewSdk.Core.Containers;

/// <summary>
/// Removes the image of a PostgreSQL container's seeded-data template (<see cref="TemplateRecord.Image"/>) when the
/// template goes. Best effort where the engine is gone (its images went with it, or the next prune finds them); an
/// image that a running container still uses stays, and so does its template, until a later prune.
/// </summary>
public static class TemplateImages
{
    // A prune must not hang on an engine that accepts connections but does not answer; removing an image's layers
    // on a loaded machine takes seconds.
    private static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Removes <paramref name="image"/>; null when it is gone (or the engine is), else why it stays.</summary>
    public static string? TryRemove(TemplateImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var timeout = new CancellationTokenSource(RemoveTimeout);
        try
        {
            using var client = new DockerClientConfiguration(new Uri(image.Endpoint), credentials: null, defaultTimeout: RemoveTimeout).CreateClient();
            // By id, not name, and gone only once the engine no longer lists that id: a removal by name that the
            // engine refuses may still take the name off, and the image would then be nobody's to find.
            var id = Qualified(image.Id ?? EngineReads.ReadAsync(client, () => client.Images.InspectImageAsync(image.Name, timeout.Token), timeout.Token).GetAwaiter().GetResult().ID);
            client.Images.DeleteImageAsync(id, new ImageDeleteParameters { Force = false }, timeout.Token).GetAwaiter().GetResult();
            var all = EngineReads.ReadAsync(client, () => client.Images.ListImagesAsync(new ImagesListParameters { All = true }, timeout.Token), timeout.Token).GetAwaiter().GetResult();
            var bare = id["sha256:".Length..];
            return all.Any(listed => listed.ID.EndsWith(bare, StringComparison.Ordinal))
                ? $"the engine still has the image {image.Name} ({id}) after removing it"
                : null;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (DockerApiException e)
        {
            // 409: a container of an environment cloned from it still exists.
            return $"the engine keeps the image {image.Name}: {e.ResponseBody.Trim()}";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UriFormatException)
        {
            // No engine there any more (its socket gone, nothing listening): it took its images with it, or whoever
            // starts it again finds them labelled previewsdk.template.
            return null;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // It answers but not in time: the image may still be there, so the template stays for the next prune.
            return $"the engine did not confirm the removal of the image {image.Name} within {RemoveTimeout.TotalSeconds:0} s";
        }
    }

    // "sha256:<hex>": Podman 4.3 takes a bare 64-hex id it no longer has for a name, and answers 500 instead of 404.
    private static string Qualified(string id) => id.Contains(':', StringComparison.Ordinal) ? id : "sha256:" + id;
}
