using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Templates;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Templates;

namespace Aspire.Hosting;

/// <summary>
/// Keeps the first seeding of a key as its template. The rows of each seeded database are copied inside that
/// database's seeding transaction (so they are exactly what it commits, whatever the services write after); once
/// every database of the server committed, the server is copied with <c>pg_basebackup</c> (its schema and everything
/// else); then PostgreSQL's single-user mode, once per database, replays the backup to a consistent state and
/// replaces every row and sequence of that database with the captured ones, and shuts down cleanly. The stopped data
/// folder goes into the store whole. The environment never waits for this: its data is in once the seedings committed.
/// </summary>
internal static class LocalPostgresTemplateBuilder
{
    /// <summary>Where the build works: in the server's base folder, which the server's account can reach.</summary>
    public static string StageOf(LocalPostgresSetup setup) => Path.Combine(setup.BaseDirectory, "template-build");

    /// <summary>Where the capture of <paramref name="seed"/>'s rows goes: a folder per database (by position: a name need not be a file name).</summary>
    public static string RowsFolderOf(LocalPostgresSetup setup, PreviewSeedResource seed) =>
        Path.Combine(StageOf(setup), "rows", setup.Seeds.IndexOf(seed).ToString(CultureInfo.InvariantCulture));

    /// <summary>The capture to run just before <paramref name="seed"/>'s seeding commits; <paramref name="captured"/> receives its rows (null when given up).</summary>
    public static Func<NpgsqlConnection, CancellationToken, Task> Capture(LocalPostgresSetup setup, PreviewSeedResource seed, Action<string> log, Action<TemplateRows?> captured) =>
        PostgresTemplates.CaptureInto(RowsFolderOf(setup, seed), log, captured);

    /// <summary>Removes what the captures wrote, once the template was given up.</summary>
    public static void DiscardCaptures(LocalPostgresSetup setup) => EnvironmentTemp.Delete(StageOf(setup));

    /// <summary>Removes one database's capture, handed over after the template was given up.</summary>
    public static void DiscardCapture(LocalPostgresSetup setup, PreviewSeedResource seed) => EnvironmentTemp.Delete(RowsFolderOf(setup, seed));

    /// <summary>
    /// Builds and stores the template of every database in <paramref name="databases"/> (all the server's), then
    /// releases the key's lock; a failure is warning PREVIEW4180 in <paramref name="log"/>.
    /// </summary>
    public static async Task BuildAsync(LocalPostgresSetup setup, IReadOnlyList<CapturedDatabase> databases, Action<string> log, CancellationToken cancellationToken)
    {
        var template = setup.Template!;
        var stage = StageOf(setup);
        string? storeStage = null;
        try
        {
            var started = DateTimeOffset.UtcNow;
            var pgdata = Path.Combine(stage, "pgdata");
            await LocalPostgresTemplates.RunAsync(
                setup.Tool("pg_basebackup"),
                ["-h", "127.0.0.1", "-p", setup.Port.ToString(CultureInfo.InvariantCulture), "-U", LocalPostgresServerResource.UserName,
                 "-D", pgdata, "-X", "stream", "-c", "fast", "--no-manifest", "--no-password"],
                input: null, cancellationToken, new Dictionary<string, string> { ["PGPASSWORD"] = setup.Password });
            if (setup.Account is { } account)
            {
                await LocalPostgresTemplates.RunAsync("chown", ["-R", $"{account.UserId}:{account.GroupId}", stage], input: null, cancellationToken);
            }

            // Single-user mode connects to one database; the first run also replays the backup's WAL.
            foreach (var database in databases)
            {
                var (command, arguments) = setup.SingleUserCommand(pgdata, database.Seed.DatabaseName);
                await LocalPostgresTemplates.RunAsync(command, arguments, database.Rows.LoadScript(), cancellationToken);
            }

            File.Delete(Path.Combine(pgdata, "backup_label.old"));

            storeStage = template.Store.NewStage(template.Key);
            // mv: the state root may be on another file system than the environment's temp folder.
            await LocalPostgresTemplates.RunAsync("mv", [pgdata, TemplateStore.DataFolderOf(storeStage)], input: null, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            await PostgresTemplates.PublishAsync(template, storeStage, databases, now, image: null, log, cancellationToken);
            storeStage = null;
            log($"Kept the seeded data of {PostgresTemplates.Quoted(databases.Select(database => database.Seed.DatabaseName))} as the template {template.Key} for the next environments of this schema and seed ({(now - started).TotalSeconds:0.00} s).");
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            log(DiagnosticFactory.Create(DiagnosticCodes.TemplateBuildFailed, DiagnosticSeverity.Warning, SourceLocation.WholeFile(databases[0].Seed.ManifestPath),
                string.Join(", ", databases.Select(database => database.Seed.DatabaseName)), e.Message, setup.BinDirectory).ToString());
        }
        finally
        {
            EnvironmentTemp.Delete(stage);
            EnvironmentTemp.Delete(storeStage);

            template.ReleaseBuildLock();
        }
    }
}
