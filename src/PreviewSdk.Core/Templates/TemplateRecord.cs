namespace PreviewSdk.Core.Templates;

/// <summary>
/// <c>template.json</c>: what a seeded-data template holds and when it was last used. Written by the environment
/// that built it, its last use rewritten by every environment cloned from it; the registry sweep reads it to remove
/// templates unused for longer than <see cref="RetentionSeconds"/>.
/// </summary>
public sealed record TemplateRecord
{
    /// <summary>The hash of everything that determines the template's content (<see cref="TemplateKey"/>).</summary>
    public required string Key { get; init; }

    /// <summary>
    /// The databases the template holds, each seeded by the first environment of the key: one for a server with one
    /// database, every database of the server otherwise (a template is built only when all of them are seeded).
    /// </summary>
    public IReadOnlyList<TemplateDatabase> Databases { get; init; } = [];

    /// <summary>When the template was built.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When an environment last was built from it or cloned it.</summary>
    public DateTimeOffset LastUsedAt { get; init; }

    /// <summary>How long it is kept after its last use, in seconds (<c>PreviewTemplateRetention</c> of that use).</summary>
    public long RetentionSeconds { get; init; }

    /// <summary>
    /// Which server's data the template is, whatever its content: <c>&lt;preview.yaml's full path&gt;#&lt;server&gt;</c>.
    /// Each change of that server's schema or seed makes a new template of the same lineage; only the most recently
    /// used few of a lineage are kept (<see cref="TemplateStore.Supersede"/>). Empty in a template written before
    /// lineages were recorded: retention alone removes it.
    /// </summary>
    public string Lineage { get; init; } = string.Empty;

    /// <summary>What went into the key, one <c>name: value</c> line each, so a new template can be explained.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>
    /// The container image that holds the data of a template of a PostgreSQL container (its data is no folder of the
    /// store then); null for a local server's template, whose data is the folder <c>pgdata/</c>.
    /// </summary>
    public TemplateImage? Image { get; init; }

    /// <summary>
    /// Why the template was discarded: an environment whose data was cloned from it failed before it was ready (its
    /// PostgreSQL server, one of its databases or a seeding), so the template may be what is wrong. The next
    /// environment of the key seeds and replaces it rather than clone it again. Null for a template in use.
    /// </summary>
    public string? DiscardedBecause { get; init; }

    /// <summary>Whether the template is past its retention at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now) => LastUsedAt + TimeSpan.FromSeconds(RetentionSeconds) < now;
}

/// <summary>A seeded database of a template: what its seeding wrote.</summary>
/// <param name="Name">The database's name on its server, e.g. <c>shopdb</c>.</param>
/// <param name="Seed">The random seed the rows were generated with.</param>
/// <param name="TableRows">The rows the seeding wrote per table, in the order it filled them.</param>
public sealed record TemplateDatabase(string Name, int Seed, IReadOnlyList<TemplateTableRows> TableRows);

/// <summary>A table of a template and the rows the seeding wrote into it.</summary>
/// <param name="Table">The table's display name.</param>
/// <param name="Rows">The rows written.</param>
public sealed record TemplateTableRows(string Table, long Rows);

/// <summary>A template's data as an image of a container engine: removed from there with the template.</summary>
/// <param name="Endpoint">The engine's address, e.g. <c>unix:///run/podman/podman.sock</c>.</param>
/// <param name="Name">The image's name with its tag, e.g. <c>localhost/previewsdk-templates/shop-postgres:&lt;key&gt;</c>.</param>
/// <param name="Id">The engine's id of the image, which outlives a name taken off it; null when not known.</param>
public sealed record TemplateImage(string Endpoint, string Name, string? Id = null);
