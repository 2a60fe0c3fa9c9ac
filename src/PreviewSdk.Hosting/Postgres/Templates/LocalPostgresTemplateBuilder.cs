using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Templates;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Templates;

namespace Aspire.Hosting;

/// <summary>
/// Keeps the first seeding of a key as its template. The rows are copied inside the seeding's transaction (so they
/// are exactly what it commits, whatever the services write after); the server is copied with
/// <c>pg_basebackup</c> after the commit (its schema and everything else); then PostgreSQL's single-user mode
/// replays the backup to a consistent state and replaces every row and sequence of the copy with the captured ones,
/// and shuts down cleanly. The stopped data folder goes into the store whole. The environment never waits for this:
/// its data is in once the seeding committed.
/// </summary>
internal static class LocalPostgresTemplateBuilder
{
    /// <summary>Where the build works: in the server's base folder, which the server's account can reach.</summary>
    public static string StageOf(LocalPostgresSetup setup) => Path.Combine(setup.BaseDirectory, "template-build");

    /// <summary>The capture to run just before the seeding commits; <paramref name="captured"/> receives its rows (null when given up).</summary>
    public static Func<NpgsqlConnection, CancellationToken, Task> Capture(LocalPostgresSetup setup, Action<string> log, Action<TemplateRows?> captured) =>
        async (connection, cancellationToken) =>
            captured(await TemplateRowsCapture.CaptureAsync(connection, Path.Combine(StageOf(setup), "rows"), log, cancellationToken));

    /// <summary>Builds and stores the template, then releases the key's lock; a failure is warning PREVIEW4180 in <paramref name="log"/>.</summary>
    public static async Task BuildAsync(LocalPostgresSetup setup, PreviewSeedResource seed, TemplateRows rows, SeedSummary summary, string report, Action<string> log, CancellationToken cancellationToken)
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

            var (command, arguments) = setup.SingleUserCommand(pgdata, seed.DatabaseName);
            await LocalPostgresTemplates.RunAsync(command, arguments, rows.LoadScript(), cancellationToken);
            File.Delete(Path.Combine(pgdata, "backup_label.old"));

            storeStage = template.Store.NewStage(template.Key);
            // mv: the state root may be on another file system than the environment's temp folder.
            await LocalPostgresTemplates.RunAsync("mv", [pgdata, TemplateStore.DataFolderOf(storeStage)], input: null, cancellationToken);
            await File.WriteAllTextAsync(TemplateStore.ReportOf(storeStage), report, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            template.Store.Publish(storeStage, new TemplateRecord
            {
                Key = template.Key,
                Database = seed.DatabaseName,
                Seed = summary.Seed,
                TableRows = summary.Tables.Select(table => new TemplateTableRows(table.Table, table.Rows)).ToList(),
                CreatedAt = now,
                LastUsedAt = now,
                RetentionSeconds = (long)template.Retention.TotalSeconds,
                Inputs = template.Inputs,
            });
            storeStage = null;
            log($"Kept the seeded data as the template {template.Key} for the next environments of this schema and seed ({(now - started).TotalSeconds:0.00} s).");
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            log(DiagnosticFactory.Create(DiagnosticCodes.TemplateBuildFailed, DiagnosticSeverity.Warning, SourceLocation.WholeFile(seed.ManifestPath),
                seed.DatabaseName, e.Message, setup.BinDirectory).ToString());
        }
        finally
        {
            TryDelete(stage);
            if (storeStage is not null)
            {
                TryDelete(storeStage);
            }

            template.ReleaseBuildLock();
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover stage is removed by the next prune; the environment's teardown removes its base folder anyway.
        }
    }
}
