using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PreviewSdk.Core.Links;
using PreviewSdk.Seeding.Migrations;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Runs;

namespace Aspire.Hosting;

/// <summary>
/// The dashboard commands of a seeded database: Reseed (what <c>-t:PreviewSeed</c> does) and Reset to empty (dropped,
/// created again, migrated, no rows). Each reports its result in the dashboard and writes what it did into the
/// database's log.
/// </summary>
internal static class DatabaseCommands
{
    /// <summary>The name of the Reseed command.</summary>
    public const string Reseed = "preview-reseed";

    /// <summary>The name of the Reset to empty command.</summary>
    public const string Reset = "preview-reset";

    /// <summary>The argument of Reseed that replaces preview.yaml's seed.</summary>
    public const string SeedArgument = "seed";

    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Adds both commands to <paramref name="database"/>, local or in a container, seeded by <paramref name="seed"/>.</summary>
    public static void Add<T>(IResourceBuilder<T> database, PreviewSeedResource seed)
        where T : IResourceWithConnectionString
    {
        var name = seed.DatabaseName;
        database.WithCommand(Reseed, "Reseed", context => ReseedAsync(seed, context), new CommandOptions
        {
            Description = $"Empties the seeded tables of {name} and generates them anew from preview.yaml, as -t:PreviewSeed does.",
            IconName = "DatabaseArrowUp",
            ConfirmationMessage = $"Replace every row of the seeded tables of {name} with newly generated data?",
            Arguments =
            [
                new InteractionInput
                {
                    Name = SeedArgument,
                    Label = "Seed",
                    InputType = InputType.Number,
                    Required = false,
                    Description = "A whole number; empty for preview.yaml's seed. The same seed gives the same rows.",
                },
            ],
            UpdateState = WhenRunning,
        });
        database.WithCommand(Reset, "Reset to empty", context => ResetAsync(seed, context), new CommandOptions
        {
            Description = $"Drops {name}, creates it again and migrates it (the SQL folder, or a restart of the migrating service), leaving its tables empty.",
            IconName = "DatabaseWarning",
            ConfirmationMessage = $"Delete every row of {name}? It is created again and migrated, with empty tables.",
            UpdateState = WhenRunning,
        });
    }

    private static ResourceCommandState WhenRunning(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    private static async Task<ExecuteCommandResult> ReseedAsync(PreviewSeedResource seed, ExecuteCommandContext context)
    {
        int? seedValue = null;
        if (context.Arguments?.GetString(SeedArgument) is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return CommandResults.Failure($"The seed '{text}' is not a whole number (e.g. 7).");
            }

            seedValue = value;
        }

        SeedRunResult result;
        try
        {
            result = await context.Services.GetRequiredService<PreviewSeedRunner>().ReseedAsync(seed, seedValue, context.CancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Worded as a failed first seeding is (PREVIEW4xxx), in the seeding's log and in the dashboard's answer.
            var failure = SeedFailure.Describe(e, seed.DatabaseName, seed.ManifestPath);
            context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(seed).LogError("{Diagnostic}", failure.ToString());
            return CommandResults.Failure($"{failure.Code}: {failure.Message}");
        }

        return result.Succeeded && result.Summary is { } summary
            ? CommandResults.Success(PreviewSdk.Seeding.Runs.EnvironmentReseeder.SeededDatabaseOf(summary).Describe())
            : CommandResults.Failure(string.Join(" ", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code}: {d.Message}")));
    }

    private static async Task<ExecuteCommandResult> ResetAsync(PreviewSeedResource seed, ExecuteCommandContext context)
    {
        var services = context.Services;
        var database = seed.Parent;
        var databaseName = seed.DatabaseName;
        var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(database);
        var migrations = PreviewManifestFile.Read(seed.ManifestPath).Seeds.FirstOrDefault(entry => entry.Database.Value == seed.Entry.Database.Value)?.Migrations
            ?? seed.Entry.Migrations;
        try
        {
            log.LogInformation("Resetting {Database}: dropping it and creating it again.", databaseName);
            await PostgresDatabases.RecreateAsync(ServerOf(database), databaseName, services, context.CancellationToken);
            var connectionString = await database.ConnectionStringExpression.GetValueAsync(context.CancellationToken);
            if (migrations?.Sql is { } sql)
            {
                await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false");
                await connection.OpenAsync(context.CancellationToken);
                var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(seed.ManifestPath)!, sql.Value));
                var applied = await new SqlFolderMigrations(folder, sql.Location, $"the database '{databaseName}'", line => log.LogInformation("{Line}", line))
                    .ApplyAllAsync(connection, context.CancellationToken);
                log.LogInformation("Applied {Count} SQL migrations of {Folder}.", applied.Count, folder);
            }
            else if (migrations?.Service is { } service)
            {
                log.LogInformation("Restarting '{Service}', which migrates the database as it starts.", service.Value);
                await ServiceRestart.RunAsync(services, service.Value, MigrationTimeout, context.CancellationToken);
            }

            seed.Summary = null;
            var runtime = services.GetRequiredService<PreviewRuntime>();
            EnvironmentLinks.Update(runtime.StateDirectory, links => links.WithData(databaseName, null));
            var tables = await CountTablesAsync(connectionString, context.CancellationToken);
            var message = migrations?.Sql is null && migrations?.Service is null
                ? $"{databaseName} is empty: created again with no tables, as preview.yaml names no migrations for it."
                : $"{databaseName} is empty and migrated: {tables} tables, no rows.";
            log.LogInformation("{Message}", message);
            return CommandResults.Success(message);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException or TimeoutException or DistributedApplicationException)
        {
            log.LogError(e, "Resetting {Database} failed: {Message}", databaseName, e.Message);
            return CommandResults.Failure($"Resetting {databaseName} failed: {e.Message}");
        }
    }

    // Reset drops and creates the database on its server: the local one, or the container Aspire runs.
    private static IResourceWithConnectionString ServerOf(IResourceWithConnectionString database) => database switch
    {
        LocalPostgresDatabaseResource local => local.Parent,
        PostgresDatabaseResource container => container.Parent,
        _ => throw new InvalidOperationException($"'{database.Name}' is no PostgreSQL database."),
    };

    private static async Task<long> CountTablesAsync(string? connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }
}
