using Npgsql;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.MigrationWait;

/// <summary>
/// The seeding Job's wait for a migrating service (Kubernetes target), with the same rule as the local app host's:
/// the migrations are really done (<see cref="MigrationsDoneWait"/>), not merely the service's health answering. A
/// service that answers 200 before it migrates, or while Degraded, would otherwise be seeded into a partial schema.
/// </summary>
public static class SeedJobMigrationsWait
{
    /// <summary>
    /// Waits until the database of <paramref name="connection"/> holds every one of <paramref name="expectedMigrations"/>
    /// (or, without them, its schema stopped changing) and the service has settled: its health URL answers 2xx and
    /// not Degraded, or, for a service without one, it has created a first table.
    /// </summary>
    /// <param name="connection">An open connection to the database to seed.</param>
    /// <param name="service">The migrating service's name.</param>
    /// <param name="health">Its health URL, or null for a service without one (a worker).</param>
    /// <param name="expectedMigrations">The EF Core migration ids of its project, or null when unknown.</param>
    /// <param name="location">Where preview.yaml names the migrations, for PREVIEW4101.</param>
    /// <param name="log">Receives what the wait learns.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="MigrationWaitException">A settled service left migrations missing: PREVIEW4101.</exception>
    public static async Task WaitAsync(NpgsqlConnection connection, string service, Uri? health, IReadOnlyList<string>? expectedMigrations,
        SourceLocation location, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(log);
        // No ids (or none found in the project): wait for a schema that stops changing instead.
        var expected = expectedMigrations is { Count: > 0 } ? expectedMigrations : null;
        log(expected is not null
            ? $"Waiting until the database holds the {expected.Count} migrations of '{service}' and it reports no Degraded state."
            : $"Waiting until '{service}' has created the schema and it stops changing.");
        using var probe = health is null ? null : new HealthEndpointProbe(health, log);
        if (probe is null)
        {
            await WaitForFirstTableAsync(connection, cancellationToken);
        }

        var wait = new MigrationsDoneWait(expected, () => probe?.IsSettled ?? true, log);
        await wait.WaitAsync(connection, location, service, cancellationToken);
    }

    // A worker has no health URL: it is under way once the schema has a table.
    private static async Task WaitForFirstTableAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema'))", connection);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
