using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Templates;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Templates;

namespace Aspire.Hosting;

/// <summary>
/// What a PostgreSQL server's template is, local or container alike: whether the server can have one (every database
/// seeded, every schema keyable), its key, the wait for another environment building it, and its record's reports.
/// Cloning and building are the runtime's own (<see cref="LocalPostgresTemplates"/>, <see cref="ContainerPostgresTemplates"/>).
/// </summary>
internal static class PostgresTemplates
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The template of a server with <paramref name="seeds"/> among its databases <paramref name="databases"/> running
    /// <paramref name="postgres"/> (<see cref="SeedTemplateKey.Of(string, IEnumerable{SeededDatabaseInputs})"/>);
    /// null, said in <paramref name="log"/> where it is not obvious, when it has none. <paramref name="server"/> names
    /// the server in its lineage (<see cref="TemplateRecord.Lineage"/>): its resource name, and for a container
    /// <c>(container)</c> after it, so that switching a server between runtimes does not evict the other's templates.
    /// </summary>
    public static PostgresTemplate? Prepare(
        IReadOnlyList<PreviewSeedResource> seeds, IEnumerable<string> databases, Func<string> postgres, string server, IServiceProvider services, Action<string> log)
    {
        var runtime = services.GetService<PreviewRuntime>();
        if (seeds.Count == 0 || runtime?.TemplatesDirectory is not { } directory)
        {
            return null;
        }

        var unseeded = databases.Where(name => !seeds.Any(seed => seed.DatabaseName == name)).Distinct(StringComparer.Ordinal).ToList();
        if (unseeded.Count > 0)
        {
            // Its rows would be whatever the app wrote into the first environment: a clone could not hold what a fresh start does.
            var one = unseeded.Count == 1;
            log($"No seeded-data template: {(one ? "the database" : "the databases")} {Quoted(unseeded)} of this server {(one ? "has" : "have")} no seed: entry, " +
                $"so {(one ? "its" : "their")} rows are whatever the app writes and a template could not be byte-identical to a fresh start; " +
                "every environment runs initdb, migrations and the seeder.");
            return null;
        }

        if (KeyInputs(seeds, runtime, services.GetService<EffectiveProfile>(), services, log) is not { } inputs)
        {
            return null;
        }

        var key = SeedTemplateKey.Of(postgres(), inputs);
        var names = seeds.Select(seed => seed.DatabaseName).Order(StringComparer.Ordinal).ToList();
        return new PostgresTemplate(new TemplateStore(directory), key.Value(), key.Inputs, runtime.TemplateRetention, names)
        {
            Lineage = $"{seeds.OrderBy(seed => seed.DatabaseName, StringComparer.Ordinal).First().ManifestPath}#{server}",
            PerServer = runtime.TemplatesPerServer,
        };
    }

    /// <summary>
    /// Takes <paramref name="template"/>'s lock, waiting up to half the start's time for another environment building
    /// it; null (said in <paramref name="log"/>) when it is still held then.
    /// </summary>
    public static async Task<RegistryLock?> LockAsync(PostgresTemplate template, IServiceProvider services, Action<string> log, CancellationToken cancellationToken)
    {
        var wait = services.GetService<PreviewRuntime>()?.Timeout is { } timeout ? timeout / 2 : DefaultWait;
        try
        {
            return await Task.Run(() => template.Store.Lock(template.Key, wait), cancellationToken);
        }
        catch (TimeoutException)
        {
            log($"The template {template.Key} is still being built by another environment after {wait.TotalSeconds:0} s; seeding directly.");
            return null;
        }
    }

    /// <summary>
    /// The template's record when it holds every database of <paramref name="template"/>; else null, with the key's
    /// lock <paramref name="held"/> kept as the template's build lock (this environment seeds and builds it).
    /// </summary>
    public static TemplateRecord? ReadOrBuild(PostgresTemplate template, RegistryLock held, Action<string> log)
    {
        var databases = template.Databases;
        var record = template.Store.TryRead(template.Key);
        if (record is { DiscardedBecause: null } && databases.All(name => record.Databases.Any(database => database.Name == name)))
        {
            return record;
        }

        // A record without these databases was written by a build of PreviewSdk before templates listed their
        // databases (same version, same key): it is rebuilt, and replaced whole when published.
        log(record switch
        {
            null => $"No template {template.Key} yet: this environment seeds {Quoted(databases)} and keeps the result as the template.",
            { DiscardedBecause: { } why } => $"The template {template.Key} was discarded ({why}): this environment seeds {Quoted(databases)} and replaces it.",
            _ => $"The template {template.Key} does not list {Quoted(databases)} (an earlier build of PreviewSdk wrote it): this environment seeds them and replaces it.",
        });
        template.BuildLock = held;
        return null;
    }

    /// <summary>Records the clone's use, reads each database's seed report and says where the data came from.</summary>
    public static async Task UseAsync(PostgresTemplate template, TemplateRecord record, Action<string> log, string what, CancellationToken cancellationToken)
    {
        template.Store.Touch(template.Key, DateTimeOffset.UtcNow, template.Retention);
        var reports = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < record.Databases.Count; index++)
        {
            var report = TemplateStore.ReportOf(template.Store.PathOf(template.Key), index);
            if (File.Exists(report))
            {
                reports[record.Databases[index].Name] = await File.ReadAllTextAsync(report, cancellationToken);
            }
        }

        template.ClonedReports = reports;
        template.ClonedFrom = record;
        log($"{what} from the template {template.Key} ({string.Join("; ", record.Databases.Select(database =>
            $"{database.Name}: {database.TableRows.Sum(t => t.Rows):N0} rows, seed {database.Seed}"))}).");
    }

    /// <summary>
    /// Writes each database's seed report into <paramref name="stage"/> and publishes it as the template's record,
    /// built at <paramref name="now"/>; <paramref name="image"/> for a container's template. First removes the
    /// server's templates beyond its <c>PreviewTemplatesPerServer</c> (said in <paramref name="log"/>), so that whoever
    /// sees the new template sees the store as it is then.
    /// </summary>
    public static async Task PublishAsync(
        PostgresTemplate template, string stage, IReadOnlyList<CapturedDatabase> databases, DateTimeOffset now, TemplateImage? image, Action<string> log, CancellationToken cancellationToken)
    {
        var superseded = template.Store.Supersede(template.Lineage, template.PerServer - 1, except: template.Key);
        if (superseded.Deleted.Count > 0)
        {
            log($"Removed {superseded.Deleted.Count} older template(s) of this server ({string.Join(", ", superseded.Deleted.Select(Path.GetFileName))}): a server keeps its {template.PerServer} most recently used (PreviewTemplatesPerServer).");
        }

        for (var index = 0; index < databases.Count; index++)
        {
            await File.WriteAllTextAsync(TemplateStore.ReportOf(stage, index), databases[index].Report, cancellationToken);
        }

        template.Store.Publish(stage, new TemplateRecord
        {
            Key = template.Key,
            Databases = databases.Select(database => new TemplateDatabase(
                database.Seed.DatabaseName,
                database.Summary.Seed,
                database.Summary.Tables.Select(table => new TemplateTableRows(table.Table, table.Rows)).ToList())).ToList(),
            CreatedAt = now,
            LastUsedAt = now,
            RetentionSeconds = (long)template.Retention.TotalSeconds,
            Inputs = template.Inputs,
            Lineage = template.Lineage,
            Image = image,
        });
    }

    /// <summary>
    /// The capture to run just before a seeding commits: its rows into <paramref name="rowsFolder"/>, handed to
    /// <paramref name="captured"/> (null when given up). Local and container servers alike.
    /// </summary>
    public static Func<NpgsqlConnection, CancellationToken, Task> CaptureInto(string rowsFolder, Action<string> log, Action<TemplateRows?> captured) =>
        async (connection, cancellationToken) => captured(await TemplateRowsCapture.CaptureAsync(connection, rowsFolder, log, cancellationToken));

    /// <summary>Database names for a log line: <c>'catalog' and 'orders'</c>.</summary>
    public static string Quoted(IEnumerable<string> names) => string.Join(" and ", names.Select(name => $"'{name}'"));

    // What each seeded database adds to the key; null when a database's schema comes from code that cannot be keyed.
    private static List<SeededDatabaseInputs>? KeyInputs(IReadOnlyList<PreviewSeedResource> seeds, PreviewRuntime runtime, EffectiveProfile? profile, IServiceProvider services, Action<string> log)
    {
        var model = services.GetRequiredService<DistributedApplicationModel>();
        // The databases of a server nearly always share one preview.yaml: read each file once.
        var manifests = new Dictionary<string, PreviewSdk.Core.Manifest.PreviewManifest>(StringComparer.Ordinal);
        var inputs = new List<SeededDatabaseInputs>();
        foreach (var seed in seeds)
        {
            if (!manifests.TryGetValue(seed.ManifestPath, out var manifest))
            {
                manifests[seed.ManifestPath] = manifest = PreviewManifestFile.Read(seed.ManifestPath);
            }

            var schemaCode = SchemaCode.ProjectsOf(SchemaCode.ServicesOf(seed, manifest), model);
            if (schemaCode.FirstOrDefault(code => code.ProjectFile is null) is { Service: { } unkeyed })
            {
                log($"No seeded-data template: the schema of {seed.DatabaseName} comes from the code of '{unkeyed}', which is no project of this app host, so a template could not tell when that code changes.");
                return null;
            }

            if (schemaCode.Count > 0)
            {
                // Said once per start: every change of that code makes a new template, which a team may not expect.
                log($"The template's key covers the code of {string.Join(", ", schemaCode.Select(code => $"'{code.Service}'"))}: preview.yaml names no migrations' files for {seed.DatabaseName} (migrations: efcore: or sql:), so any change of that code makes a new template.");
            }

            inputs.Add(new SeededDatabaseInputs(seed, seed.SettingsFor(runtime, profile), schemaCode.Select(code => (code.Service, code.ProjectFile!)).ToList()));
        }

        return inputs;
    }
}
