using Docker.DotNet;
using Docker.DotNet.Models;

namespace PreviewSdk.Core.Containers;

/// <summary>
/// Makes sure an image is in the engine before an environment starts: present, or pulled now. An image that is
/// neither is then a coded error before anything starts, instead of a container resource that never gets healthy.
/// </summary>
public static class ImageAvailability
{
    /// <summary>How long a pull may take.</summary>
    public static TimeSpan PullTimeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Present, or pulled: null; else why not (the engine's words).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="image">The image, with the registry it is to come from.</param>
    /// <param name="pull">False only checks presence (a missing image is then "not present").</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public static async Task<string?> EnsureAsync(ContainerEngine engine, ImageReference image, bool pull = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(image);
        using (var client = engine.CreateClient())
        {
            if (await IsPresentAsync(client, image, cancellationToken))
            {
                return null;
            }
        }

        if (!pull)
        {
            return "not present in the engine";
        }

        using var puller = new DockerClientConfiguration(new Uri(engine.Endpoint), credentials: null, defaultTimeout: PullTimeout).CreateClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PullTimeout);
        string? error = null;
        try
        {
            await puller.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = $"{image.Registry}/{image.Repository}", Tag = image.Tag },
                authConfig: null,
                new Progress<JSONMessage>(message => error ??= message.ErrorMessage ?? message.Error?.Message),
                timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the pull did not finish within {PullTimeout.TotalMinutes:0} minutes";
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException)
        {
            return e is DockerApiException api ? api.ResponseBody.Trim() : e.Message;
        }

        using var check = engine.CreateClient();
        return await IsPresentAsync(check, image, cancellationToken)
            ? null
            : error ?? "the engine reported no error, yet the image is not there after the pull";
    }

    private static async Task<bool> IsPresentAsync(DockerClient client, ImageReference image, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(image.ToString(), cancellationToken);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
