using Docker.DotNet.Models;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Templates;

namespace PreviewSdk.Core.Tests.Containers;

/// <summary>The removal of a container template's image against the machine's real engine.</summary>
[TestClass]
public sealed class TemplateImagesTests
{
    [TestMethod]
    public async Task TryRemove_RemovesTheImageWhole_KeepsOneAContainerUses_AndTakesAGoneImageAsRemoved()
    {
        var engine = TestEngine.Require();
        const string baseImage = "localhost/library/postgres:15";
        var name = $"localhost/previewsdk-test-template/images:{Guid.NewGuid():N}";
        using var client = engine.CreateClient();
        var containers = new List<string>();
        string? id = null;
        try
        {
            var source = (await client.Containers.CreateContainerAsync(new CreateContainerParameters { Image = baseImage, Cmd = ["true"] })).ID;
            containers.Add(source);
            id = (await client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
            {
                ContainerID = source,
                RepositoryName = name.Split(':')[0],
                Tag = name.Split(':')[1],
                Config = new Config(),
            })).ID;
            containers.Add((await client.Containers.CreateContainerAsync(new CreateContainerParameters { Image = name, Cmd = ["true"] })).ID);

            var kept = TemplateImages.TryRemove(new TemplateImage(engine.Endpoint, name));

            Assert.IsNotNull(kept, "An image a container uses is kept.");
            StringAssert.EndsWith((await client.Images.InspectImageAsync(name)).ID, Bare(id), "It keeps its name too.");

            await client.Containers.RemoveContainerAsync(containers[^1], new ContainerRemoveParameters { Force = true });
            // With the id the build records (the commit's answer), as a template.json holds it.
            var removed = TemplateImages.TryRemove(new TemplateImage(engine.Endpoint, name, id));
            Assert.IsNull(removed, removed);
            var all = await client.Images.ListImagesAsync(new ImagesListParameters { All = true });
            Assert.IsFalse(all.Any(image => image.ID.EndsWith(Bare(id), StringComparison.Ordinal)), "The image is gone whole, not only its name.");
            Assert.IsNull(TemplateImages.TryRemove(new TemplateImage(engine.Endpoint, name)), "A gone image counts as removed.");
        }
        catch (Docker.DotNet.DockerImageNotFoundException) when (id is null)
        {
            Assert.Inconclusive($"The engine has no {baseImage}; build it with build/images.sh.");
        }
        finally
        {
            foreach (var container in containers)
            {
                await TryAsync(() => client.Containers.RemoveContainerAsync(container, new ContainerRemoveParameters { Force = true }));
            }

            if (id is not null)
            {
                await TryAsync(() => client.Images.DeleteImageAsync(id, new ImageDeleteParameters { Force = true }));
            }
        }
    }

    // Engines answer an image id with or without its "sha256:" prefix.
    private static string Bare(string id) => id.Replace("sha256:", string.Empty, StringComparison.Ordinal);

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Docker.DotNet.DockerApiException)
        {
            // Already gone.
        }
    }
}
