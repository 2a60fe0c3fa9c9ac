using System.Formats.Tar;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Templates;
using PreviewSdk.Seeding.Templates;

namespace Aspire.Hosting;

/// <summary>
/// Keeps the first seeding of a PostgreSQL container's key as an image of its engine, the copy-on-write analogue of
/// <see cref="LocalPostgresTemplateBuilder"/>: once every database committed (its rows captured inside its own
/// transaction), <c>CHECKPOINT</c>, then the container is committed, paused, into an image (its data is in the writable
/// layer); a helper container of that image, not running the server, loads each database's captured rows and
/// sequences in single-user mode (replacing whatever the services wrote after the commit) and ends with a clean
/// shutdown; that container is committed as the template image, its entry point <c>/previewsdk/template.sh clone</c>.
/// The environment never waits for this.
/// </summary>
internal static class ContainerPostgresTemplateBuilder
{
    private const string ScriptPath = "previewsdk/template.sh";

    /// <summary>
    /// How the build's helper container is named (then the environment's id and the server's name): it carries the
    /// environment's label, so a teardown removes it, but it is no resource of the environment, and lives only for the
    /// build's seconds.
    /// </summary>
    public const string HelperPrefix = "previewsdk-template-build-";

    // The helper's single-user runs of a large seed on a loaded machine.
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Builds and stores the template, then releases the key's lock; a failure is warning PREVIEW3070 in <paramref name="log"/>.</summary>
    public static async Task BuildAsync(ContainerPostgresTemplating templating, IReadOnlyList<CapturedDatabase> databases, Action<string> log, CancellationToken cancellationToken)
    {
        var template = templating.Template!;
        string? stage = null;
        string? committed = null;
        string? helper = null;
        using var client = new DockerClientConfiguration(new Uri(templating.Endpoint!), credentials: null, defaultTimeout: LoadTimeout).CreateClient();
        try
        {
            var started = DateTimeOffset.UtcNow;
            var container = await ContainerIdAsync(templating, cancellationToken);
            await CheckpointAsync(templating.Server, cancellationToken);
            committed = (await client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
            {
                ContainerID = container,
                Pause = true,
                Config = new Config(),
            }, cancellationToken)).ID;

            helper = (await client.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Name = $"{HelperPrefix}{templating.EnvironmentId}-{templating.Server.Name}",
                Image = committed,
                Entrypoint = ["/bin/sh", "/" + ScriptPath, "load"],
                Cmd = [],
                Labels = new Dictionary<string, string> { [EnvironmentLabels.Environment] = templating.EnvironmentId },
            }, cancellationToken)).ID;
            await using (var archive = HelperArchive(databases))
            {
                await client.Containers.ExtractArchiveToContainerAsync(helper, new ContainerPathStatParameters { Path = "/" }, archive, cancellationToken);
            }

            await client.Containers.StartContainerAsync(helper, new ContainerStartParameters(), cancellationToken);
            var exit = await client.Containers.WaitContainerAsync(helper, cancellationToken);
            if (exit.StatusCode != 0)
            {
                throw new InvalidOperationException($"loading the captured rows in single-user mode exited with code {exit.StatusCode}: {await LastLinesAsync(client, helper, cancellationToken)}");
            }

            var name = ContainerPostgresTemplates.ImageNameOf(templating, template.Key);
            ImageReference.TryParse(name, out var reference);
            var baseConfig = (await EngineReads.ReadAsync(client, () => client.Images.InspectImageAsync(templating.BaseImage!, cancellationToken), cancellationToken)).Config;
            await client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
            {
                ContainerID = helper,
                RepositoryName = $"{reference.Registry}/{reference.Repository}",
                Tag = reference.Tag,
                Changes = TemplateImageChanges(template.Key, baseConfig),
                Config = new Config(),
            }, cancellationToken);
            // The image's id as the engine lists it: Podman 4.3 answers a commit with changes with another id.
            var imageId = (await EngineReads.ReadAsync(client, () => client.Images.InspectImageAsync(name, cancellationToken), cancellationToken)).ID;

            // Before the template is published: while the helper exists, Podman counts the new image as in use, and
            // a prune that came in between would be refused (and lose the image's name on the way).
            await TidyAsync(client, helper, committed);
            helper = committed = null;
            stage = template.Store.NewStage(template.Key);
            var now = DateTimeOffset.UtcNow;
            await PostgresTemplates.PublishAsync(template, stage, databases, now, new TemplateImage(templating.Endpoint!, name, imageId), log, cancellationToken);
            stage = null;
            log($"Kept the seeded data of {PostgresTemplates.Quoted(databases.Select(database => database.Seed.DatabaseName))} as the template image {name} for the next environments of this schema and seed ({(now - started).TotalSeconds:0.00} s).");
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or DockerApiException or HttpRequestException or NpgsqlException or TimeoutException)
        {
            log(DiagnosticFactory.Create(DiagnosticCodes.ContainerTemplateBuildFailed, DiagnosticSeverity.Warning, SourceLocation.WholeFile(databases[0].Seed.ManifestPath),
                string.Join(", ", databases.Select(database => database.Seed.DatabaseName)), templating.BaseImage ?? "?", e.Message).ToString());
        }
        finally
        {
            await TidyAsync(client, helper, committed);
            templating.DiscardCaptures();
            EnvironmentTemp.Delete(stage);

            template.ReleaseBuildLock();
        }
    }

    /// <summary>
    /// The template image's configuration: its entry point gives the role this environment's password before the
    /// image's own entry point and command run; no password of the builder's environment, and no label that would
    /// tie the image (or a container made from it without labels of its own) to that environment.
    /// </summary>
    internal static IList<string> TemplateImageChanges(string key, Config baseConfig) =>
    [
        $"ENTRYPOINT {JsonSerializer.Serialize((string[])["/bin/sh", "/" + ScriptPath, "clone", .. baseConfig.Entrypoint ?? []])}",
        $"CMD {JsonSerializer.Serialize(baseConfig.Cmd ?? [])}",
        $"ENV PGDATA={ContainerPostgresTemplating.DataFolder}",
        "ENV POSTGRES_PASSWORD=",
        $"LABEL previewsdk.template={key}",
        $"LABEL {EnvironmentLabels.Environment}=",
        $"LABEL {EnvironmentLabels.AppLabel}=",
        $"LABEL {EnvironmentLabels.TeamLabel}=",
        $"LABEL {EnvironmentLabels.OwnerLabel}=",
    ];

    // The server's container, as Aspire's orchestrator reports it.
    private static async Task<string> ContainerIdAsync(ContainerPostgresTemplating templating, CancellationToken cancellationToken)
    {
        var notifications = templating.Services!.GetRequiredService<ResourceNotificationService>();
        var running = await notifications.WaitForResourceAsync(templating.Server.Name,
            e => e.Snapshot.Properties.Any(property => property.Name == "container.id" && property.Value is string { Length: > 0 }), cancellationToken);
        return (string)running.Snapshot.Properties.First(property => property.Name == "container.id").Value!;
    }

    // What the committed files then hold needs no long recovery: the data is on disk, the WAL after it short.
    private static async Task CheckpointAsync(PostgresServerResource server, CancellationToken cancellationToken)
    {
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
    }

    // /previewsdk/template.sh and, per database, rows/<n>/{database, load.sql, the captured COPY files}.
    private static FileStream HelperArchive(IReadOnlyList<CapturedDatabase> databases)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        using (var tar = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true))
        {
            using (var script = typeof(ContainerPostgresTemplateBuilder).Assembly.GetManifestResourceStream("PreviewSdk.Hosting.ContainerTemplate.sh")!)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, ScriptPath) { DataStream = script, Mode = (UnixFileMode)0b111_101_101 });
            }

            for (var index = 0; index < databases.Count; index++)
            {
                var folder = $"previewsdk/rows/{index}";
                var rows = databases[index].Rows;
                var inContainer = rows with
                {
                    Tables = rows.Tables.Select(table => table with { File = $"/{folder}/{Path.GetFileName(table.File)}" }).ToList(),
                };
                Text(tar, $"{folder}/database", databases[index].Seed.DatabaseName);
                Text(tar, $"{folder}/load.sql", inContainer.LoadScript());
                foreach (var table in rows.Tables)
                {
                    // Read by the server's own account in single-user mode.
                    tar.WriteEntry(table.File, $"{folder}/{Path.GetFileName(table.File)}");
                }
            }
        }

        file.Position = 0;
        return file;
    }

    private static void Text(TarWriter tar, string name, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = content, Mode = (UnixFileMode)0b110_100_100 });
    }

    private static async Task<string> LastLinesAsync(DockerClient client, string container, CancellationToken cancellationToken)
    {
        using var logs = await client.Containers.GetContainerLogsAsync(container, tty: false, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = "5" }, cancellationToken);
        var (stdout, stderr) = await logs.ReadOutputToEndAsync(cancellationToken);
        return string.Join(" | ", (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    // The helper container and the intermediate image go whatever happened; the template image shares its layers.
    private static async Task TidyAsync(DockerClient client, string? helper, string? committed)
    {
        try
        {
            if (helper is not null)
            {
                await client.Containers.RemoveContainerAsync(helper, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
            }

            if (committed is not null)
            {
                await client.Images.DeleteImageAsync(committed, new ImageDeleteParameters());
            }
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException)
        {
            // The helper carries the environment's label (its teardown removes it); an untagged image is the engine's to prune.
        }
    }
}
