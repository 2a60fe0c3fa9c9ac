using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Templates;
using PreviewSdk.Seeding.Loading;

namespace Aspire.Hosting;

/// <summary>
/// Before a local PostgreSQL server first starts: finds the template of its seeded database and clones it (a copy of
/// the stopped data folder, given this environment's password and mark in single-user mode) instead of running
/// initdb, migrations and the seeder; or, first of its key, takes the key's lock so that this environment builds the
/// template while others of the same key wait for it.
/// </summary>
internal static class LocalPostgresTemplates
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    /// <summary>Clones the template into the server's data folder; false when the server must be initialised and seeded.</summary>
    public static async Task<bool> TryCloneAsync(LocalPostgresSetup setup, IServiceProvider services, Action<string> log, CancellationToken cancellationToken)
    {
        var runtime = services.GetService<PreviewRuntime>();
        if (setup.TemplateSeed is not { } seed || runtime?.TemplatesDirectory is not { } directory)
        {
            return false;
        }

        if (setup.Databases.Count != 1)
        {
            log("No seeded-data template: the server has more than one database (templates hold a server with one).");
            return false;
        }

        var schemaCode = SchemaCode.ProjectsOf(SchemaCode.ServicesOf(seed, PreviewManifestFile.Read(seed.ManifestPath)), services.GetRequiredService<DistributedApplicationModel>());
        if (schemaCode.FirstOrDefault(code => code.ProjectFile is null) is { Service: { } unkeyed })
        {
            log($"No seeded-data template: the schema of {seed.DatabaseName} comes from the code of '{unkeyed}', which is no project of this app host, so a template could not tell when that code changes.");
            return false;
        }

        if (schemaCode.Count > 0)
        {
            // Said once per start: every change of that code makes a new template, which a team may not expect.
            log($"The template's key covers the code of {string.Join(", ", schemaCode.Select(code => $"'{code.Service}'"))}: preview.yaml names no migrations' files for {seed.DatabaseName} (migrations: efcore: or sql:), so any change of that code makes a new template.");
        }

        var settings = seed.SettingsFor(runtime, services.GetService<EffectiveProfile>());
        var key = SeedTemplateKey.Of(setup, seed, settings, schemaCode.Select(code => (code.Service, code.ProjectFile!)).ToList());
        var template = new LocalPostgresTemplate(new TemplateStore(directory), key.Value(), key.Inputs, runtime.TemplateRetention);
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

        if (template.Store.TryRead(template.Key) is not { } record)
        {
            log($"No template {template.Key} yet: this environment seeds its database and keeps the result as the template.");
            template.BuildLock = held;
            return false;
        }

        using (held)
        {
            try
            {
                await CloneAsync(setup, template, seed.DatabaseName, runtime.EnvironmentId, cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                log(DiagnosticFactory.Create(DiagnosticCodes.TemplateCloneFailed, DiagnosticSeverity.Warning, SourceLocation.WholeFile(seed.ManifestPath),
                    template.Key, seed.DatabaseName, e.Message).ToString());
                if (Directory.Exists(setup.DataDirectory))
                {
                    Directory.Delete(setup.DataDirectory, recursive: true);
                }

                return false;
            }

            template.Store.Touch(template.Key, DateTimeOffset.UtcNow, template.Retention);
            var report = TemplateStore.ReportOf(template.Store.PathOf(template.Key));
            template.ClonedReport = File.Exists(report) ? await File.ReadAllTextAsync(report, cancellationToken) : null;
        }

        template.ClonedFrom = record;
        log($"Cloned the data folder from the template {template.Key} ({record.Database}: {record.TableRows.Sum(t => t.Rows):N0} rows, seed {record.Seed}).");
        return true;
    }

    private static async Task CloneAsync(LocalPostgresSetup setup, LocalPostgresTemplate template, string database, string environmentId, CancellationToken cancellationToken)
    {
        var source = TemplateStore.DataFolderOf(template.Store.PathOf(template.Key));
        await RunAsync("cp", ["-a", source, setup.DataDirectory], input: null, cancellationToken);
        if (setup.Account is { } account)
        {
            await RunAsync("chown", ["-R", $"{account.UserId}:{account.GroupId}", setup.BaseDirectory], input: null, cancellationToken);
        }

        // This environment's own password and mark, set before the server listens: no two environments share a secret.
        var (command, arguments) = setup.SingleUserCommand(setup.DataDirectory, database);
        await RunAsync(command, arguments,
            $"ALTER ROLE {LocalPostgresServerResource.UserName} PASSWORD '{setup.Password}';\n{SeedGuard.MarkStatement(database, environmentId)};\n",
            cancellationToken);
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
