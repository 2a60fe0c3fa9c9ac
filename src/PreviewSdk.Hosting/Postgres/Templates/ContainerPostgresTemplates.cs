using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Docker.DotNet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Templates;

namespace Aspire.Hosting;

/// <summary>
/// Before Aspire's orchestrator creates a PostgreSQL container (its image is fixed then): finds the template of its
/// seeded databases, an image of the engine, and runs the container from it instead of the base image (no initdb, no
/// migrations, no seeding: <c>/previewsdk/template.sh clone</c> gives the role this environment's password first); or,
/// first of its key, takes the key's lock and keeps the container's data in its writable layer, so that once seeded it
/// can be committed into the template (<see cref="ContainerPostgresTemplateBuilder"/>). Others of the key wait for it.
/// </summary>
internal static partial class ContainerPostgresTemplates
{
    /// <summary>The repository the template images go to, under the engine's <c>localhost</c> registry: never pushed.</summary>
    public const string Repository = "localhost/previewsdk-templates";

    /// <summary>Runs at the app host's start, before the orchestrator reads the container's image.</summary>
    public static async Task DecideAsync(ContainerPostgresTemplating templating, IServiceProvider services, CancellationToken cancellationToken)
    {
        var server = templating.Server;
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        void Log(string line) => logger.LogInformation("{Line}", line);
        var runtime = services.GetService<PreviewRuntime>();
        if (templating.Seeds.Count == 0 || runtime?.TemplatesDirectory is null
            || server.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault() is not { } image)
        {
            return;
        }

        templating.Services = services;
        templating.EnvironmentId = runtime.EnvironmentId;
        templating.CapturesFolder = Path.Combine(runtime.StateDirectory, "template-build", server.Name);
        templating.BaseImage = $"{image.Registry}/{image.Image}:{image.Tag}";
        if ((await ContainerEngineProbe.FindAsync(cancellationToken: cancellationToken)).Engine is not { } engine)
        {
            Log("No seeded-data template: the container engine does not answer.");
            return;
        }

        templating.Endpoint = engine.Endpoint;
        using var client = engine.CreateClient();
        if (await ImageIdAsync(client, templating.BaseImage, cancellationToken) is not { } baseId)
        {
            Log($"No seeded-data template: the engine does not know the image {templating.BaseImage}.");
            return;
        }

        var template = PostgresTemplates.Prepare(templating.Seeds, server.Databases.Values, () => $"image {templating.BaseImage} {baseId}", $"{server.Name} (container)", services, Log);
        if (template is null || await PostgresTemplates.LockAsync(template, services, Log, cancellationToken) is not { } held)
        {
            return;
        }

        templating.Template = template;
        if (PostgresTemplates.ReadOrBuild(template, held, Log) is not { } record)
        {
            if (template.Store.TryRead(template.Key) is { DiscardedBecause: not null, Image: { } discarded })
            {
                // Its container is gone with the environment that failed: the image goes now, before a new one
                // takes its name and leaves it unnamed, nobody's to remove.
                if (await Task.Run(() => TemplateImages.TryRemove(discarded), cancellationToken) is { } stays)
                {
                    Log($"The discarded template's image stays: {stays}.");
                }
            }

            templating.DataInWritableLayer = true;
            return;
        }

        if (record.Image is not { } kept || await ImageIdAsync(client, kept.Name, cancellationToken) is null)
        {
            // Removed from the engine by hand (podman rmi, system prune): seeded again, and the template replaced.
            // An image that lost only its name would otherwise stay unnamed for good.
            if (record.Image is { Id: not null } unnamed)
            {
                await Task.Run(() => TemplateImages.TryRemove(unnamed), cancellationToken);
            }

            Log($"The template {template.Key} has no image in the engine (removed outside PreviewSdk?): this environment seeds {PostgresTemplates.Quoted(template.Databases)} and replaces it.");
            template.BuildLock = held;
            templating.DataInWritableLayer = true;
            return;
        }

        using (held)
        {
            ImageReference.TryParse(kept.Name, out var reference);
            // The tag last: setting it clears a digest (and setting a digest clears the tag).
            image.Registry = reference.Registry;
            image.Image = reference.Repository;
            image.Tag = reference.Tag;
            await PostgresTemplates.UseAsync(template, record, Log, $"The container runs the image {kept.Name}, cloned", cancellationToken);
        }
    }

    /// <summary>The template image of <paramref name="templating"/>'s server for <paramref name="key"/>: <c>localhost/previewsdk-templates/&lt;app&gt;-&lt;server&gt;:&lt;key&gt;</c>.</summary>
    public static string ImageNameOf(ContainerPostgresTemplating templating, string key) =>
        $"{Repository}/{NotAllowed().Replace($"{templating.App}-{templating.Server.Name}".ToLowerInvariant(), "-").Trim('-', '.', '_')}:{key}";

    /// <summary>The engine's id of <paramref name="image"/>, or null when it has no such image.</summary>
    public static async Task<string?> ImageIdAsync(DockerClient client, string image, CancellationToken cancellationToken)
    {
        try
        {
            var inspected = await EngineReads.ReadAsync(client, () => client.Images.InspectImageAsync(image, cancellationToken), cancellationToken);
            return inspected.ID;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    // A repository path component: lower-case letters, digits and separators.
    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex NotAllowed();
}
