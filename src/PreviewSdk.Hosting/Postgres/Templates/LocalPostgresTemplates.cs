using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Templates;
using PreviewSdk.Seeding.Loading;

namespace Aspire.Hosting;

/// <summary>
/// Before a local PostgreSQL server first starts: finds the template of its seeded databases and clones it (a copy of
/// the stopped data folder, given this environment's password and marks in single-user mode) instead of running
/// initdb, migrations and the seeders; or, first of its key, takes the key's lock so that this environment builds the
/// template while others of the same key wait for it. Only a server all of whose databases are seeded has one.
/// </summary>
internal static class LocalPostgresTemplates
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    /// <summary>Clones the template into the server's data folder; false when the server must be initialised and seeded.</summary>
    public static async Task<bool> TryCloneAsync(LocalPostgresSetup setup, IServiceProvider services, Action<string> log, CancellationToken cancellationToken)
    {
        var runtime = services.GetService<PreviewRuntime>();
        if (setup.Seeds.Count == 0 || runtime?.TemplatesDirectory is not { } directory)
        {
            return false;
        }

        if (Unseeded(setup) is { Count: > 0 } unseeded)
        {
            // Its rows would be whatever the app wrote into the first environment: a clone could not hold what a fresh start does.
            var one = unseeded.Count == 1;
            log($"No seeded-data template: {(one ? "the database" : "the databases")} {Quoted(unseeded)} of this server {(one ? "has" : "have")} no seed: entry, " +
                $"so {(one ? "its" : "their")} rows are whatever the app writes and a template could not be byte-identical to a fresh start; " +
                "every environment runs initdb, migrations and the seeder.");
            return false;
        }

        var profile = services.GetService<EffectiveProfile>();
        if (KeyInputs(setup, runtime, profile, services, log) is not { } inputs)
        {
            return false;
        }

        var key = SeedTemplateKey.Of(setup, inputs);
        var databases = setup.Seeds.Select(seed => seed.DatabaseName).Order(StringComparer.Ordinal).ToList();
        var template = new LocalPostgresTemplate(new TemplateStore(directory), key.Value(), key.Inputs, runtime.TemplateRetention, databases)
        {
            Lineage = $"{setup.Seeds.OrderBy(seed => seed.DatabaseName, StringComparer.Ordinal).First().ManifestPath}#{setup.ResourceName}",
            PerServer = runtime.TemplatesPerServer,
        };
        setup.Template = template;

        // Another environment building this template holds the lock; half the start's time is worth waiting for it.
        var wait = runtime.Timeout is { } timeout ? timeout / 2 : DefaultWait;
        PreviewSdk.Core.Environments.RegistryLock held;
        try
        {
            held = await Task.Run(() => template.Store.Lock(template.Key, wait), cancellationToken);
        }
        catch (TimeoutException)
        {
            log($"The template {template.Key} is still being built by another environment after {wait.TotalSeconds:0} s; seeding directly.");
            return false;
        }

        var record = template.Store.TryRead(template.Key);
        if (record is null || !databases.All(name => record.Databases.Any(database => database.Name == name)))
        {
            // A record without these databases was written by a build of PreviewSdk before templates listed their
            // databases (same version, same key): it is rebuilt, and replaced whole when published.
            log(record is null
                ? $"No template {template.Key} yet: this environment seeds {Quoted(databases)} and keeps the result as the template."
                : $"The template {template.Key} does not list {Quoted(databases)} (an earlier build of PreviewSdk wrote it): this environment seeds them and replaces it.");
            template.BuildLock = held;
            return false;
        }

        using (held)
        {
            try
            {
                await CloneAsync(setup, template, databases, runtime.EnvironmentId, cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                log(DiagnosticFactory.Create(DiagnosticCodes.TemplateCloneFailed, DiagnosticSeverity.Warning, SourceLocation.WholeFile(setup.Seeds[0].ManifestPath),
                    template.Key, string.Join(", ", databases), e.Message).ToString());
                if (Directory.Exists(setup.DataDirectory))
                {
                    Directory.Delete(setup.DataDirectory, recursive: true);
                }

                return false;
            }

            template.Store.Touch(template.Key, DateTimeOffset.UtcNow, template.Retention);
            template.ClonedReports = await ReadReportsAsync(template, record, cancellationToken);
        }

        template.ClonedFrom = record;
        log($"Cloned the data folder from the template {template.Key} ({string.Join("; ", record.Databases.Select(database =>
            $"{database.Name}: {database.TableRows.Sum(t => t.Rows):N0} rows, seed {database.Seed}"))}).");
        return true;
    }

    // What each seeded database adds to the key; null when a database's schema comes from code that cannot be keyed.
    private static List<SeededDatabaseInputs>? KeyInputs(LocalPostgresSetup setup, PreviewRuntime runtime, EffectiveProfile? profile, IServiceProvider services, Action<string> log)
    {
        var model = services.GetRequiredService<DistributedApplicationModel>();
        // The databases of a server nearly always share one preview.yaml: read each file once.
        var manifests = new Dictionary<string, PreviewSdk.Core.Manifest.PreviewManifest>(StringComparer.Ordinal);
        var inputs = new List<SeededDatabaseInputs>();
        foreach (var seed in setup.Seeds)
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

    // The server's databases without a seed: entry.
    private static List<string> Unseeded(LocalPostgresSetup setup) =>
        setup.Databases.Select(database => database.DatabaseName)
            .Where(name => !setup.Seeds.Any(seed => seed.DatabaseName == name))
            .ToList();

    /// <summary>Database names for a log line: <c>'catalog' and 'orders'</c>.</summary>
    internal static string Quoted(IEnumerable<string> names) => string.Join(" and ", names.Select(name => $"'{name}'"));

    private static async Task<IReadOnlyDictionary<string, string>> ReadReportsAsync(LocalPostgresTemplate template, TemplateRecord record, CancellationToken cancellationToken)
    {
        var reports = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < record.Databases.Count; index++)
        {
            var report = TemplateStore.ReportOf(template.Store.PathOf(template.Key), index);
            if (File.Exists(report))
            {
                reports[record.Databases[index].Name] = await File.ReadAllTextAsync(report, cancellationToken);
            }
        }

        return reports;
    }

    private static async Task CloneAsync(LocalPostgresSetup setup, LocalPostgresTemplate template, IReadOnlyList<string> databases, string environmentId, CancellationToken cancellationToken)
    {
        var source = TemplateStore.DataFolderOf(template.Store.PathOf(template.Key));
        await RunAsync("cp", ["-a", source, setup.DataDirectory], input: null, cancellationToken);
        if (setup.Account is { } account)
        {
            await RunAsync("chown", ["-R", $"{account.UserId}:{account.GroupId}", setup.BaseDirectory], input: null, cancellationToken);
        }

        // This environment's own password and marks, set before the server listens: no two environments share a
        // secret. The role and the databases' comments are shared catalogs, so one run in any database sets them all.
        var statements = new StringBuilder($"ALTER ROLE {LocalPostgresServerResource.UserName} PASSWORD '{setup.Password}';\n");
        foreach (var database in databases)
        {
            statements.Append(SeedGuard.MarkStatement(database, environmentId)).Append(";\n");
        }

        var (command, arguments) = setup.SingleUserCommand(setup.DataDirectory, databases[0]);
        await RunAsync(command, arguments, statements.ToString(), cancellationToken);
    }

    /// <summary>Runs a program to its end; single-user mode reports a failed statement only in its output.</summary>
    internal static async Task RunAsync(string command, IReadOnlyList<string> arguments, string? input, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await ExternalProgram.RunAsync(command, arguments, workingDirectory: null, cancellationToken, environment, input);
        if (!result.Succeeded || result.Output.Contains("ERROR:", StringComparison.Ordinal) || result.Output.Contains("FATAL:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"'{ExternalProgram.Describe(command, arguments)}' failed with exit code {result.ExitCode}: {result.LastLines(5)}");
        }
    }
}
