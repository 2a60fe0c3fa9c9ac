using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Scratch;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// Checks that migrations keep the data a database already holds: on a scratch server, applies the migrations up to
/// a base, seeds the database, then applies every later migration one at a time and compares row counts and
/// column values before and after each (PREVIEW4060–4065). The scratch server is always stopped and deleted, also
/// when a step fails or the check is cancelled.
/// </summary>
public static class MigrationCheck
{
    /// <summary>Runs the check.</summary>
    /// <param name="source">The database's migrations.</param>
    /// <param name="options">The database, the base and where to report.</param>
    /// <param name="seed">Fills the scratch database at the base.</param>
    /// <param name="cancellationToken">Stops the check; the scratch server is torn down.</param>
    public static async Task<MigrationCheckResult> RunAsync(IMigrationSource source, MigrationCheckOptions options, SeedStep seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(seed);
        var stopwatch = Stopwatch.StartNew();
        var run = new CheckRun(source, options, seed);
        try
        {
            await run.RunAsync(cancellationToken);
        }
        catch (MigrationCheckException e)
        {
            run.Diagnostics.Add(e.Diagnostic);
        }
        catch (ScratchPostgresException e)
        {
            run.Diagnostics.Add(DiagnosticFactory.Create(DiagnosticCodes.ScratchPostgresFailed, options.Location, EndSentence(e.Message)));
        }

        return run.Result(stopwatch.Elapsed);
    }

    internal static string EndSentence(string text)
    {
        text = text.Trim();
        return text.EndsWith('.') ? text : text + ".";
    }

    private sealed class CheckRun(IMigrationSource source, MigrationCheckOptions options, SeedStep seed)
    {
        private readonly Action<string> log = options.Log ?? (_ => { });
        private IReadOnlyList<MigrationInfo> baseMigrations = [];
        private readonly List<MigrationInfo> checkedMigrations = [];
        private readonly List<SchemaChange> changes = [];
        private CatalogSnapshot? seeded;
        private CatalogSnapshot? final;

        public List<PreviewDiagnostic> Diagnostics { get; } = [];

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var migrations = await source.ListAsync(cancellationToken);
            var resolved = await MigrationBaseResolver.ResolveAsync(source, migrations, options.Base, options.Location, cancellationToken);
            baseMigrations = migrations.Take(resolved.Count).ToList();
            var toCheck = migrations.Skip(resolved.Count).ToList();
            log($"Migration check of '{options.Database}' ({source.Description}): base {DescribeBase(resolved)}; {Plural(toCheck.Count, "migration")} to check.");
            if (toCheck.Count == 0)
            {
                log("  No migration comes after the base: nothing to check.");
                return;
            }

            var watch = Stopwatch.StartNew();
            await using var server = await ScratchPostgres.StartAsync(options.ScratchRoot, cancellationToken);
            await server.CreateDatabaseAsync(options.Database, cancellationToken);
            var connectionString = server.ConnectionString(options.Database);
            log($"  Scratch PostgreSQL on port {server.Port.ToString(CultureInfo.InvariantCulture)} ready in {Seconds(watch.Elapsed)}.");

            if (baseMigrations.Count > 0)
            {
                watch.Restart();
                await source.ApplyAsync(connectionString, baseMigrations[^1], cancellationToken);
                log($"  Applied the base ({Plural(baseMigrations.Count, "migration")}) in {Seconds(watch.Elapsed)}.");
            }

            var before = await SnapshotAsync(connectionString, cancellationToken);
            if (before.Tables.Count > 0 && !await SeedAsync(connectionString, cancellationToken))
            {
                return;
            }

            before = seeded = await SnapshotAsync(connectionString, cancellationToken);
            foreach (var migration in toCheck)
            {
                watch.Restart();
                await source.ApplyAsync(connectionString, migration, cancellationToken);
                checkedMigrations.Add(migration);
                var after = final = await SnapshotAsync(connectionString, cancellationToken);
                var diff = SnapshotComparer.Compare(migration, before, after, migration.FilePath is { } file ? SourceLocation.WholeFile(file) : options.Location);
                changes.AddRange(diff.Changes);
                Diagnostics.AddRange(diff.Losses);
                var verdict = diff.Losses.Count == 0 ? "keeps the data" : $"LOSES DATA ({Plural(diff.Losses.Count, "problem")})";
                log($"  {migration.Id}: {verdict}, {Seconds(watch.Elapsed)}{string.Concat(diff.Changes.Select(c => "; " + c))}.");
                before = after;
            }
        }

        public MigrationCheckResult Result(TimeSpan elapsed) => new(Diagnostics)
        {
            BaseMigrations = baseMigrations,
            CheckedMigrations = checkedMigrations,
            Seeded = seeded,
            Final = final ?? seeded,
            Changes = changes,
            Elapsed = elapsed,
        };

        private async Task<bool> SeedAsync(string connectionString, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            var result = await seed(connection, cancellationToken);
            if (!result.Succeeded)
            {
                Diagnostics.AddRange(result.Diagnostics);
                if (!result.Diagnostics.Any(d => d.IsError))
                {
                    Diagnostics.Add(DiagnosticFactory.Create(DiagnosticCodes.ScratchSeedingFailed, options.Location, options.Database, "the seeder wrote nothing and reported no error."));
                }

                return false;
            }

            log($"  Seeded {Plural(result.Summary!.Tables.Count, "table")} with {Plural(result.Summary.TotalRows, "row")} in {Seconds(watch.Elapsed)}.");
            return true;
        }

        private static async Task<CatalogSnapshot> SnapshotAsync(string connectionString, CancellationToken cancellationToken)
        {
            // A fresh connection each time: a migration may have created types an older connection does not know.
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return await CatalogSnapshotReader.TakeAsync(connection, cancellationToken);
        }

        private string DescribeBase(ResolvedBase resolved) => resolved switch
        {
            { GitRef: { } gitRef, Count: 0 } => $"the migrations at {gitRef} (none)",
            { GitRef: { } gitRef } => $"the migrations at {gitRef} (up to {baseMigrations[^1].Id})",
            _ => baseMigrations[^1].Id,
        };
    }

    internal static string Plural(long count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    internal static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
