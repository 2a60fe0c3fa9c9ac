using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;
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
    /// <summary>Clones the template into the server's data folder; false when the server must be initialised and seeded.</summary>
    public static async Task<bool> TryCloneAsync(LocalPostgresSetup setup, IServiceProvider services, Action<string> log, CancellationToken cancellationToken)
    {
        var template = PostgresTemplates.Prepare(
            setup.Seeds, setup.Databases.Select(database => database.DatabaseName), () => SeedTemplateKey.PostgresBinaries(setup), setup.ResourceName, services, log);
        if (template is null)
        {
            return false;
        }

        setup.Template = template;
        if (await PostgresTemplates.LockAsync(template, services, log, cancellationToken) is not { } held)
        {
            return false;
        }

        if (PostgresTemplates.ReadOrBuild(template, held, log) is not { } record)
        {
            return false;
        }

        using (held)
        {
            var databases = template.Databases.ToList();
            try
            {
                await CloneAsync(setup, template, databases, services.GetRequiredService<PreviewRuntime>().EnvironmentId, cancellationToken);
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

            await PostgresTemplates.UseAsync(template, record, log, "Cloned the data folder", cancellationToken);
        }

        return true;
    }

    private static async Task CloneAsync(LocalPostgresSetup setup, PostgresTemplate template, IReadOnlyList<string> databases, string environmentId, CancellationToken cancellationToken)
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
