using System.Globalization;
using Npgsql;
using PreviewSdk.Core.Environments;
using PreviewSdk.Seeding.Templates;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A PostgreSQL container's part in seeded-data templates (<see cref="ContainerPostgresTemplates"/>): its seeded
/// databases, the template it runs or builds, and what the build needs of the engine. On the server's resource as an
/// annotation, added by <c>AddContainerPostgres</c>; the seeding finds it there.
/// </summary>
internal sealed class ContainerPostgresTemplating(PostgresServerResource server) : IResourceAnnotation, IPostgresTemplateServer
{
    /// <summary>
    /// Where the builder's data lives: outside every <c>VOLUME</c> of the official images (up to 17
    /// <c>/var/lib/postgresql/data</c>, 18 <c>/var/lib/postgresql</c>), so in the container's writable layer, which a
    /// commit keeps and a volume would not.
    /// </summary>
    public const string DataFolder = "/var/lib/previewsdk/pgdata";

    public PostgresServerResource Server { get; } = server;

    public List<PreviewSeedResource> Seeds { get; } = [];

    IReadOnlyList<PreviewSeedResource> IPostgresTemplateServer.Seeds => Seeds;

    public PostgresTemplate? Template { get; set; }

    /// <summary>True when this environment builds the template: its container keeps its data in <see cref="DataFolder"/>.</summary>
    public bool DataInWritableLayer { get; set; }

    /// <summary>The engine's address, once the template was decided.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The image the server would run without a template (<c>registry/repository:tag</c>).</summary>
    public string? BaseImage { get; set; }

    /// <summary>The app's name, for the template image's name.</summary>
    public string App { get; set; } = "app";

    /// <summary>The environment's id: its label on the build's helper container, so every cleanup finds it.</summary>
    public string EnvironmentId { get; set; } = string.Empty;

    /// <summary>Where the seedings' captured rows go until the build copies them into the engine.</summary>
    public string CapturesFolder { get; set; } = Path.Combine(Path.GetTempPath(), "previewsdk-template-captures");

    /// <summary>The app host's services, for the build (the container's id, the server's log).</summary>
    public IServiceProvider? Services { get; set; }

    /// <summary>The capture folder of <paramref name="seed"/>: by position, as a name need not be a file name.</summary>
    public string RowsFolderOf(PreviewSeedResource seed) => Path.Combine(CapturesFolder, Seeds.IndexOf(seed).ToString(CultureInfo.InvariantCulture));

    public Func<NpgsqlConnection, CancellationToken, Task> Capture(PreviewSeedResource seed, Action<string> log, Action<TemplateRows?> captured) =>
        PostgresTemplates.CaptureInto(RowsFolderOf(seed), log, captured);

    public void DiscardCaptures() => EnvironmentTemp.Delete(CapturesFolder);

    public void DiscardCapture(PreviewSeedResource seed) => EnvironmentTemp.Delete(RowsFolderOf(seed));

    public Task BuildAsync(IReadOnlyList<CapturedDatabase> databases, Action<string> log, CancellationToken cancellationToken) =>
        ContainerPostgresTemplateBuilder.BuildAsync(this, databases, log, cancellationToken);
}
