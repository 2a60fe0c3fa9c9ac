using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Seeding.Migrations;
using PreviewSdk.Seeding.Runs;

namespace Aspire.Hosting;

/// <summary>
/// Runs a <see cref="PreviewSeedResource"/>: waits for its database and schema, seeds, and publishes the outcome as
/// the resource's state (Finished with exit code 0, or FailedToStart with the diagnostics in its log), so the
/// dashboard, <c>WaitForCompletion</c> and the readiness report all see it.
/// </summary>
internal sealed class PreviewSeedRunner(
    IServiceProvider services,
    ResourceNotificationService notifications,
    ResourceLoggerService loggers,
    IHostApplicationLifetime lifetime)
{
    private readonly PreviewRuntime runtime = services.GetService<PreviewRuntime>() ?? PreviewRuntime.FromEnvironment();

    public void Start(PreviewSeedResource seed) => _ = Task.Run(() => RunAsync(seed, lifetime.ApplicationStopping));

    private async Task RunAsync(PreviewSeedResource seed, CancellationToken cancellationToken)
    {
        var log = loggers.GetLogger(seed);
        try
        {
            await notifications.WaitForResourceHealthyAsync(seed.Parent.Name, cancellationToken);
            var migrations = seed.Entry.Migrations;
            if (migrations?.Service is { } service)
            {
                log.LogInformation("Waiting for '{Service}' to migrate the database as it starts.", service.Value);
                await PublishAsync(seed, new ResourceStateSnapshot($"Waiting for {service.Value}", KnownResourceStateStyles.Info));
                await notifications.WaitForResourceHealthyAsync(service.Value, cancellationToken);
            }

            await PublishAsync(seed, new ResourceStateSnapshot("Seeding", KnownResourceStateStyles.Info), started: true);
            var connectionString = await seed.Parent.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false;Command Timeout=0");
            await connection.OpenAsync(cancellationToken);
            if (migrations?.Sql is { } sql)
            {
                var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(seed.ManifestPath)!, sql.Value));
                log.LogInformation("Applying the SQL migrations of {Folder}.", folder);
                var applied = await new SqlFolderMigrations(folder, sql.Location).ApplyAllAsync(connection, cancellationToken);
                log.LogInformation("Applied {Count} SQL migrations: {Names}.", applied.Count, string.Join(", ", applied));
            }

            var result = await SeedAsync(seed, seed.Entry, connection, reset: false, seedValue: null, log, cancellationToken);
            await FinishAsync(seed, exitCode: result.Succeeded ? 0 : 1);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app host is stopping.
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException or DistributedApplicationException)
        {
            log.LogError(e, "Seeding '{Database}' failed: {Message}", seed.Parent.DatabaseName, e.Message);
            await FinishAsync(seed, exitCode: 1);
        }
    }

    /// <summary>
    /// Seeds <paramref name="seed"/>'s database again, as <c>-t:PreviewSeed</c> does: preview.yaml read anew, the seeded
    /// tables emptied first, <paramref name="seedValue"/> instead of its <c>seed:</c> when given. Logs into the seeding's
    /// log; the links' data row follows.
    /// </summary>
    public async Task<SeedRunResult> ReseedAsync(PreviewSeedResource seed, int? seedValue, CancellationToken cancellationToken)
    {
        var log = loggers.GetLogger(seed);
        var entry = PreviewManifestFile.Read(seed.ManifestPath).Seeds.FirstOrDefault(candidate => candidate.Database.Value == seed.Parent.Name)
            ?? seed.Entry;
        var connectionString = await seed.Parent.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false;Command Timeout=0");
        await connection.OpenAsync(cancellationToken);
        log.LogInformation("Seeding again (the dashboard's Reseed).");
        return await SeedAsync(seed, entry, connection, reset: true, seedValue, log, cancellationToken);
    }

    private async Task<SeedRunResult> SeedAsync(
        PreviewSeedResource seed, SeedEntry entry, NpgsqlConnection connection, bool reset, int? seedValue, ILogger log, CancellationToken cancellationToken)
    {
        // The profile's scale for the server multiplies the seed entry's own factor for the profile.
        var profileScale = services.GetService<EffectiveProfile>()?.ScaleOf(seed.Parent.Parent.Name) ?? 1;
        var settings = SeedSettingsFactory.From(entry, runtime.Profile, seed.ManifestPath, profileScale);
        var result = await DatabaseSeeder.SeedAsync(connection, new SeedRequest(seedValue is { } value ? settings with { Seed = value } : settings)
        {
            EnvironmentId = runtime.EnvironmentId,
            Reset = reset,
            ExcludedTables = entry.Exclude.Select(table => table.Value).ToList(),
            Log = line => log.LogInformation("{Line}", line),
        }, cancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            log.Log(diagnostic.IsError ? LogLevel.Error : LogLevel.Warning, "{Diagnostic}", diagnostic.ToString());
        }

        if (result.Summary is { } summary && result.Succeeded)
        {
            seed.Summary = summary;
            log.LogInformation(
                "Seeded {Tables} tables with {Rows} rows (seed {Seed}) in {Seconds:0.00} s.",
                summary.Tables.Count, summary.TotalRows, summary.Seed, summary.Elapsed.TotalSeconds);
            if (reset)
            {
                EnvironmentLinks.Update(runtime.StateDirectory, links => links.WithData(seed.Parent.DatabaseName, EnvironmentReseeder.SeededDatabaseOf(summary)));
            }
        }

        return result;
    }

    private Task PublishAsync(PreviewSeedResource seed, ResourceStateSnapshot state, bool started = false) =>
        notifications.PublishUpdateAsync(seed, snapshot => snapshot with
        {
            State = state,
            StartTimeStamp = started ? DateTime.UtcNow : snapshot.StartTimeStamp,
        });

    // Finished with an exit code is the terminal state WaitForCompletion and the readiness report look for.
    private Task FinishAsync(PreviewSeedResource seed, int exitCode) =>
        notifications.PublishUpdateAsync(seed, snapshot => snapshot with
        {
            State = new ResourceStateSnapshot(KnownResourceStates.Finished, exitCode == 0 ? KnownResourceStateStyles.Success : KnownResourceStateStyles.Error),
            ExitCode = exitCode,
            StopTimeStamp = DateTime.UtcNow,
        });
}
