using Npgsql;
using PreviewSdk.Seeding.Templates;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// What the seeding asks of a PostgreSQL server with a seeded-data template, whichever way it runs: a local server
/// (<see cref="LocalPostgresSetup"/>, the template a stopped data folder) or a container
/// (<see cref="ContainerPostgresTemplating"/>, the template an image of its engine).
/// </summary>
internal interface IPostgresTemplateServer
{
    /// <summary>The template this server's data was cloned from or is building; null without one.</summary>
    PostgresTemplate? Template { get; }

    /// <summary>The seedings of the server's databases.</summary>
    IReadOnlyList<PreviewSeedResource> Seeds { get; }

    /// <summary>The capture to run just before <paramref name="seed"/>'s seeding commits; <paramref name="captured"/> receives its rows (null when given up).</summary>
    Func<NpgsqlConnection, CancellationToken, Task> Capture(PreviewSeedResource seed, Action<string> log, Action<TemplateRows?> captured);

    /// <summary>Removes what the captures wrote, once the template was given up.</summary>
    void DiscardCaptures();

    /// <summary>Removes one database's capture, handed over after the template was given up.</summary>
    void DiscardCapture(PreviewSeedResource seed);

    /// <summary>Builds and stores the template of every database (all the server's), then releases the key's lock; a failure is a warning in <paramref name="log"/>.</summary>
    Task BuildAsync(IReadOnlyList<CapturedDatabase> databases, Action<string> log, CancellationToken cancellationToken);
}
