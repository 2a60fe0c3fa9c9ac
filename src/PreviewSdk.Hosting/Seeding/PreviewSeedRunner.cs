using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.MigrationWait;
using PreviewSdk.Seeding.Migrations;
using PreviewSdk.Seeding.Runs;

namespace Aspire.Hosting;

/// <summary>
/// Runs a <see cref="PreviewSeedResource"/>: waits for its database and schema, seeds, and publishes the outcome as
/// the resource's state (Finished with exit code 0, or with exit code 1 and a coded error in its log), so the
/// dashboard, <c>WaitForCompletion</c> and the readiness report all see it.
/// </summary>
internal sealed class PreviewSeedRunner(
    IServiceProvider services,
    ResourceNotificationService notifications,
    ResourceLoggerService loggers,
    IHostApplicationLifetime lifetime,
    ILogger<PreviewSeedRunner> hostLog)
{
    private readonly PreviewRuntime runtime = services.GetService<PreviewRuntime>() ?? PreviewRuntime.FromEnvironment();

    public void Start(PreviewSeedResource seed) => _ = Task.Run(() => RunAsync(seed, lifetime.ApplicationStopping));

    private async Task RunAsync(PreviewSeedResource seed, CancellationToken cancellationToken)
    {
        var log = loggers.GetLogger(seed);
        var database = seed.DatabaseName;
        // Where the database's rows may come from or go to a template.
        var server = PostgresTemplateServers.Of(seed);
        // Whether this seeding handed its capture over to the template build, which then decides about the key's lock.
        var handedOver = false;
        try
        {
            await notifications.WaitForResourceHealthyAsync(seed.Parent.Name, cancellationToken);
            if (seed.Parent.Annotations.OfType<PreviewDatabaseMarkAnnotation>().FirstOrDefault() is { } mark)
            {
                // A container's database is created by Aspire (or found in the template) and marked a moment later.
                await mark.Marked.WaitAsync(cancellationToken);
            }

            if (server?.Template is { ClonedFrom: { } template } cloned
                && template.Databases.FirstOrDefault(candidate => candidate.Name == seed.DatabaseName) is { } clonedDatabase)
            {
                // The data is a copy of a template of this schema, seed and scale: the rows are in.
                await FinishClonedAsync(seed, cloned, template, clonedDatabase, log);
                return;
            }

            var migrations = seed.Entry.Migrations;
            if (migrations?.Service is { } service)
            {
                log.LogInformation("Waiting for '{Service}' to migrate the database as it starts.", service.Value);
                await PublishAsync(seed, new ResourceStateSnapshot($"Waiting for {service.Value}", KnownResourceStateStyles.Info));
                await notifications.WaitForResourceHealthyAsync(service.Value, cancellationToken);
            }

            var connectionString = await seed.Parent.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false;Command Timeout=0");
            await connection.OpenAsync(cancellationToken);
            if (migrations?.Service is { } migrating)
            {
                await WaitForMigrationsAsync(seed, migrating.Value, connection, log, cancellationToken);
            }

            await PublishAsync(seed, new ResourceStateSnapshot("Seeding", KnownResourceStateStyles.Info), started: true);
            if (migrations?.Sql is { } sql)
            {
                var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(seed.ManifestPath)!, sql.Value));
                log.LogInformation("Applying the SQL migrations of {Folder}.", folder);
                var applied = await new SqlFolderMigrations(folder, sql.Location, $"the database '{seed.DatabaseName}'", line => log.LogInformation("{Line}", line))
                    .ApplyAllAsync(connection, cancellationToken);
                log.LogInformation("Applied {Count} SQL migrations: {Names}.", applied.Count, string.Join(", ", applied));
            }

            // The first environment of a template key copies the rows inside the seeding's transaction, then, once
            // every database of the server did, keeps a template of them in the background.
            PreviewSdk.Seeding.Templates.TemplateRows? captured = null;
            var capture = server is { Template.BuildLock: not null }
                ? server.Capture(seed, line => log.LogInformation("{Line}", line), rows => captured = rows)
                : null;
            var result = await SeedAsync(seed, seed.Entry, connection, reset: false, seedValue: null, log, cancellationToken, capture);
            if (result.Succeeded && result.Summary is { } summary && server is { Template: { } building } && captured is { } rows)
            {
                handedOver = true;
                HandOver(server, building, new CapturedDatabase(seed, rows, summary, result.Report!, line => log.LogInformation("{Line}", line)), cancellationToken);
            }

            await FinishAsync(seed, exitCode: result.Succeeded ? 0 : 1);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app host is stopping.
        }
        catch (Exception e)
        {
            // Every failure is a coded line in the seeding's log, which -t:Preview shows under PREVIEW2002, and always
            // a finish: an exception left in this background task would leave the environment waiting until its
            // timeout. A stack trace, where one helps (a bug), goes to the app host's own log only.
            var diagnostic = SeedFailure.Describe(e, database, seed.ManifestPath);
            if (diagnostic.Code == DiagnosticCodes.SeedUnexpectedError)
            {
                hostLog.LogError(e, "Seeding '{Database}' failed.", database);
            }

            log.LogError("{Diagnostic}", diagnostic.ToString());
            await FinishAsync(seed, exitCode: 1);
        }
        finally
        {
            if (!handedOver && server?.Template is { ClonedFrom: null } template && template.GiveUp())
            {
                // No template from this start: the environments waiting for one stop waiting and seed themselves, and
                // the rows the other databases captured go.
                server.DiscardCaptures();
                if (server.Seeds.Count > 1)
                {
                    log.LogInformation("No template of this server this time: the seeding of '{Database}' did not keep its rows, and a template needs every database's.", database);
                }
            }
        }
    }


    // The last database of the server to hand its capture over starts the build; the others only leave theirs.
    private static void HandOver(IPostgresTemplateServer server, PostgresTemplate template, CapturedDatabase database, CancellationToken cancellationToken)
    {
        var (outcome, all) = template.Add(database);
        switch (outcome)
        {
            case CaptureOutcome.Complete:
                _ = Task.Run(() => BuildTemplateAsync(server, all, line => TellEach(all, line), cancellationToken), CancellationToken.None);
                break;
            case CaptureOutcome.Waiting:
                database.Log("Rows captured for the template; it is built once the server's other databases are seeded.");
                break;
            default:
                server.DiscardCapture(database.Seed);
                database.Log("No template of this server this time: another of its databases was not seeded with its rows captured.");
                break;
        }
    }

    private static void TellEach(IReadOnlyList<CapturedDatabase> databases, string line)
    {
        foreach (var database in databases)
        {
            database.Log(line);
        }
    }

    private async Task FinishClonedAsync(
        PreviewSeedResource seed, PostgresTemplate template, PreviewSdk.Core.Templates.TemplateRecord record, PreviewSdk.Core.Templates.TemplateDatabase database, ILogger log)
    {
        seed.Source = PreviewSdk.Core.Links.SeededDatabase.ClonedFromTemplate;
        seed.Summary = new SeedSummary(seed.DatabaseName, database.Seed, database.TableRows.Select(table => new TableRows(table.Table, table.Rows)).ToList(), TimeSpan.Zero);
        if (template.ClonedReports.GetValueOrDefault(seed.DatabaseName) is { } report)
        {
            PreviewSdk.Seeding.Reports.SeedReportFile.Write(runtime.StateDirectory, seed.Entry.Database.Value, report);
        }

        log.LogInformation(
            "Cloned from the template {Key}: {Tables} tables with {Rows} rows (seed {Seed}), as seeded on {Created:yyyy-MM-dd HH:mm} UTC; the migrating service finds its migrations applied.",
            template.Key, seed.Summary.Tables.Count, seed.Summary.TotalRows, database.Seed, record.CreatedAt.UtcDateTime);
        await FinishAsync(seed, exitCode: 0);
    }

    private static async Task BuildTemplateAsync(IPostgresTemplateServer server, IReadOnlyList<CapturedDatabase> databases, Action<string> log, CancellationToken cancellationToken)
    {
        try
        {
            await server.BuildAsync(databases, log, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping; the lock was released, and the stage goes with the environment's data folder.
        }
    }

    /// <summary>
    /// Seeds <paramref name="seed"/>'s database again, as <c>-t:PreviewSeed</c> does: preview.yaml read anew, the seeded
    /// tables emptied first, <paramref name="seedValue"/> instead of its <c>seed:</c> when given. Logs into the seeding's
    /// log; the seed report and the links' data row follow.
    /// </summary>
    public async Task<SeedRunResult> ReseedAsync(PreviewSeedResource seed, int? seedValue, CancellationToken cancellationToken)
    {
        var log = loggers.GetLogger(seed);
        var entry = PreviewManifestFile.Read(seed.ManifestPath).Seeds.FirstOrDefault(candidate => candidate.Database.Value == seed.Entry.Database.Value)
            ?? seed.Entry;
        var connectionString = await seed.Parent.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false;Command Timeout=0");
        await connection.OpenAsync(cancellationToken);
        log.LogInformation("Seeding again (the dashboard's Reseed).");
        return await SeedAsync(seed, entry, connection, reset: true, seedValue, log, cancellationToken);
    }

    // The first seeding keeps or refuses the app's own rows as preview.yaml's existing: says; a reseed empties the
    // seeded tables first, as -t:PreviewSeed does.
    private async Task<SeedRunResult> SeedAsync(
        PreviewSeedResource seed, SeedEntry entry, NpgsqlConnection connection, bool reset, int? seedValue, ILogger log, CancellationToken cancellationToken,
        Func<NpgsqlConnection, CancellationToken, Task>? beforeCommit = null)
    {
        // The profile's scale for the server multiplies the seed entry's own factor for the profile.
        var profileScale = services.GetService<EffectiveProfile>()?.ScaleOf(seed.ServerName) ?? 1;
        var settings = SeedSettingsFactory.From(entry, runtime.Profile, seed.ManifestPath, profileScale);
        var request = reset
            ? new SeedRequest(seedValue is { } value ? settings with { Seed = value } : settings) { EnvironmentId = runtime.EnvironmentId, Reset = true }
            : new SeedRequest(settings)
            {
                EnvironmentId = runtime.EnvironmentId,
                Existing = SeedSettingsFactory.ExistingOf(entry),
                ExistingFromManifest = true,
                SchemaSource = SeedSettingsFactory.SchemaSourceOf(entry),
                BeforeCommit = beforeCommit,
            };
        var result = await DatabaseSeeder.SeedAsync(connection, request with
        {
            ExcludedTables = entry.Exclude.Select(table => table.Value).ToList(),
            Log = line => log.LogInformation("{Line}", line),
        }, cancellationToken);
        var warnings = result.Diagnostics.Where(diagnostic => !diagnostic.IsError).ToList();
        seed.Warnings = reset ? warnings : [.. seed.Warnings, .. warnings];
        foreach (var diagnostic in result.Diagnostics)
        {
            log.Log(diagnostic.IsError ? LogLevel.Error : LogLevel.Warning, "{Diagnostic}", diagnostic.ToString());
        }

        if (result.Summary is { } summary && result.Succeeded)
        {
            seed.Summary = summary;
            PreviewSdk.Seeding.Reports.SeedReportFile.Write(runtime.StateDirectory, entry.Database.Value, result.Report!);
            log.LogInformation(
                "Seeded {Tables} tables with {Rows} rows (seed {Seed}) in {Seconds:0.00} s.",
                summary.Tables.Count, summary.TotalRows, summary.Seed, summary.Elapsed.TotalSeconds);
            if (reset)
            {
                EnvironmentLinks.Update(runtime.StateDirectory, links => links.WithData(seed.DatabaseName, EnvironmentReseeder.SeededDatabaseOf(summary)));
            }
        }

        return result;
    }

    // The migrating service is up; now the database must hold its migrations, not merely answer.
    private async Task WaitForMigrationsAsync(PreviewSeedResource seed, string service, NpgsqlConnection connection, ILogger log, CancellationToken cancellationToken)
    {
        var migrations = seed.Entry.Migrations!;
        IReadOnlyList<string>? expected = null;
        if (migrations.EfCore is { } efCore)
        {
            var project = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(seed.ManifestPath)!, efCore.Value));
            var source = PreviewSdk.Core.EfCore.EfCoreProjectSource.Read(project);
            if (source.MigrationIds.Count > 0)
            {
                expected = source.MigrationIds;
            }
            else
            {
                var warning = DiagnosticFactory.Create(DiagnosticCodes.EfCoreProjectWithoutMigrations, DiagnosticSeverity.Warning, efCore.Location, efCore.Value, seed.DatabaseName);
                seed.Warnings = [.. seed.Warnings, warning];
                log.LogWarning("{Diagnostic}", warning.ToString());
            }
        }

        log.LogInformation(expected is null
            ? "Waiting until the schema stops changing and '{Service}' reports no Degraded state."
            : "Waiting until the database holds the {Count} migrations of the EF Core project and '{Service}' reports no Degraded state.",
            expected?.Count ?? 0, service);
        var healthStates = services.GetService<ServiceHealthStates>();
        var instances = new ConcurrentDictionary<string, CustomResourceSnapshot>(StringComparer.Ordinal);
        using var watching = WatchInstances(service, instances, cancellationToken);
        var wait = new MigrationsDoneWait(expected, () => IsSettled(service, instances, healthStates), line =>
        {
            log.LogInformation("{Line}", line);
            _ = PublishAsync(seed, new ResourceStateSnapshot($"Waiting for migrations: {line.TrimEnd('.')}", KnownResourceStateStyles.Info));
        });
        await wait.WaitAsync(connection, migrations.Location, service, cancellationToken);
        await watching.CancelAsync();
    }

    // Every instance running and healthy by Aspire's checks, and not Degraded by its own account (which a 200 does
    // not tell). Aspire keeps the state per instance: a service with replicas has one per replica, under the names
    // DCP gave them (shop-api-abcd1234), none under the service's own name.
    private static bool IsSettled(string service, IReadOnlyDictionary<string, CustomResourceSnapshot> instances, ServiceHealthStates? healthStates) =>
        instances.Count > 0
        && instances.Values.All(instance =>
            instance.State?.Text == KnownResourceStates.Running && instance.HealthStatus is null or HealthStatus.Healthy)
        && !(healthStates?.IsDegraded(service) ?? false);

    // The latest state of each instance of a service, for as long as the returned scope is not disposed. WatchAsync
    // first replays every resource's current state, then follows the updates.
    private CancellationTokenSource WatchInstances(string service, ConcurrentDictionary<string, CustomResourceSnapshot> instances, CancellationToken cancellationToken)
    {
        var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var update in notifications.WatchAsync(watching.Token))
                {
                    if (string.Equals(update.Resource.Name, service, StringComparison.Ordinal))
                    {
                        instances[update.ResourceId] = update.Snapshot;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The wait is over.
            }
        });
        return watching;
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
