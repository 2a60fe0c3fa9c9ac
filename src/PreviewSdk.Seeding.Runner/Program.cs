using Npgsql;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Seeding;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Migrations;
using PreviewSdk.Seeding.MigrationWait;
using PreviewSdk.Seeding.Runs;

// The Kubernetes target's seeding Job: the same steps as the local app host's seed resource, configured by the
// variables of SeedRunnerVariables. Exit 0 when seeded; 1 with the coded diagnostics on standard error otherwise.
string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException($"The variable {name} is not set; the seeding Job's manifest sets it.");

using var stop = new CancellationTokenSource();
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
var database = Required(SeedRunnerVariables.Database);
var manifestPath = Required(SeedRunnerVariables.Manifest);
try
{
    var manifest = ManifestReader.ReadFile(manifestPath);
    if (manifest.Manifest is null || manifest.Diagnostics.Any(diagnostic => diagnostic.IsError))
    {
        manifest.Diagnostics.Where(diagnostic => diagnostic.IsError).ToList().ForEach(diagnostic => Console.Error.WriteLine(diagnostic));
        return 1;
    }

    var entry = manifest.Manifest.Seeds.FirstOrDefault(seed => seed.Database.Value == database)
        ?? throw new InvalidOperationException($"preview.yaml has no seed: entry for '{database}'.");
    var connectionString = Required(SeedRunnerVariables.ConnectionString);
    await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false;Command Timeout=0");
    await OpenAsync(connection, stop.Token);
    var health = Environment.GetEnvironmentVariable(SeedRunnerVariables.WaitFor) is { Length: > 0 } url ? new Uri(url) : null;
    var worker = Environment.GetEnvironmentVariable(SeedRunnerVariables.WaitForTables) is { Length: > 0 } name ? name : null;
    if (health is not null || worker is not null)
    {
        // As locally: the migrations done, not merely the service's health answering (it may answer before it migrates).
        var service = worker ?? Environment.GetEnvironmentVariable(SeedRunnerVariables.MigratingService) ?? health!.Host;
        var expected = Environment.GetEnvironmentVariable(SeedRunnerVariables.WaitForMigrations)?
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await SeedJobMigrationsWait.WaitAsync(connection, service, health, expected, entry.Migrations?.Location ?? entry.Database.Location,
            Console.WriteLine, stop.Token);
    }

    if (Environment.GetEnvironmentVariable(SeedRunnerVariables.SqlFolder) is { Length: > 0 } folder && entry.Migrations?.Sql is { } sql)
    {
        var applied = await new SqlFolderMigrations(folder, sql.Location, $"the database '{database}'", Console.WriteLine).ApplyAllAsync(connection, stop.Token);
        Console.WriteLine($"Applied {applied.Count} SQL migrations: {string.Join(", ", applied)}.");
    }

    var settings = SeedSettingsFactory.From(entry, Required(SeedRunnerVariables.Profile), manifest.Manifest);
    var result = await DatabaseSeeder.SeedAsync(connection, new SeedRequest(settings)
    {
        EnvironmentId = Required(SeedRunnerVariables.EnvironmentId),
        ExcludedTables = [.. entry.Exclude.Select(table => table.Value)],
        Existing = SeedSettingsFactory.ExistingOf(entry),
        ExistingFromManifest = true,
        SchemaSource = SeedSettingsFactory.SchemaSourceOf(entry),
        Log = Console.WriteLine,
    }, stop.Token);
    foreach (var diagnostic in result.Diagnostics)
    {
        Console.Error.WriteLine(diagnostic);
    }

    if (result.Summary is not { } summary || !result.Succeeded)
    {
        return 1;
    }

    Console.WriteLine($"Seeded {summary.Tables.Count} tables with {summary.TotalRows} rows (seed {summary.Seed}) in {summary.Elapsed.TotalSeconds:0.00} s.");
    Console.WriteLine(result.Report);
    return 0;
}
catch (MigrationWaitException e)
{
    Console.Error.WriteLine(e.Diagnostic);
    return 1;
}
catch (MigrationCheckException e)
{
    Console.Error.WriteLine(e.Diagnostic);
    return 1;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine(SeedFailure.Describe(e, database, manifestPath));
    return 1;
}

// The server may still be starting when the Job's pod is: retry for up to two minutes.
static async Task OpenAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
{
    var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
    while (true)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            return;
        }
        catch (NpgsqlException) when (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }
}
