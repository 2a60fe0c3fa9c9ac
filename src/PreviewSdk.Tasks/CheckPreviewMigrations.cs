using Microsoft.Build.Framework;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Seeding.Migrations;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Runs;

namespace PreviewSdk.Tasks;

/// <summary>
/// <c>-t:PreviewMigrationCheck</c>: on a scratch PostgreSQL server, applies a database's migrations up to a base,
/// seeds it, applies each later migration and fails (PREVIEW4060–4065) when one loses rows or column values.
/// Prints rows per table before and after, and the columns dropped or retyped.
/// </summary>
public sealed class CheckPreviewMigrations : PreviewTask
{
    /// <summary>The plan written by GeneratePreviewAppHost (the databases and their migrations, with full paths).</summary>
    [Required]
    public string PlanFile { get; set; } = string.Empty;

    /// <summary>preview.yaml, for the seed settings of the checked database.</summary>
    [Required]
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>The preview project file (diagnostics about properties point into it).</summary>
    [Required]
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>PreviewMigrationDatabase: the seeded database to check; empty for the first one with migrations.</summary>
    public string Database { get; set; } = string.Empty;

    /// <summary>PreviewMigrationBase: the last migration of the base (id, name or file name).</summary>
    public string Base { get; set; } = string.Empty;

    /// <summary>PreviewMigrationBaseRef: the git ref whose migrations form the base; empty for main (or origin/main).</summary>
    public string BaseRef { get; set; } = string.Empty;

    /// <summary>The profile whose <c>scale:</c> applies to the seeded rows.</summary>
    public string Profile { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        if (!PreviewProperties.TryReadProfile(this, Profile, ProjectPath, out var profile))
        {
            return false;
        }

        var manifestPath = Path.GetFullPath(ManifestPath);
        var manifest = ManifestReader.ReadFile(manifestPath).Manifest ?? PreviewManifest.Empty(manifestPath);
        var problems = new List<PreviewDiagnostic>();
        var setup = MigrationCheckSetup.Create(
            Core.Planning.EnvironmentPlan.Read(PlanFile), manifest, Path.GetFullPath(ProjectPath), Database, Base, BaseRef, profile, problems);
        problems.ForEach(Report);
        if (setup is null)
        {
            return false;
        }

        // The scratch database is marked like an environment's own, so the seed guard treats it the same way.
        var scratchId = "migration-check-" + Guid.NewGuid().ToString("N");
        var request = new SeedRequest(setup.Settings)
        {
            EnvironmentId = scratchId,
            ExcludedTables = setup.ExcludedTables,
            Log = line => Log.LogMessage(MessageImportance.Normal, line),
        };
        var result = MigrationCheck.RunAsync(
                setup.Source,
                setup.Options with { Log = Info },
                async (connection, token) =>
                {
                    await SeedGuard.MarkAsync(connection, scratchId, token);
                    return await DatabaseSeeder.SeedAsync(connection, request, token);
                },
                cancellationToken)
            .GetAwaiter().GetResult();
        foreach (var diagnostic in result.Diagnostics)
        {
            Report(diagnostic);
        }

        foreach (var line in MigrationCheckReport.Lines(setup.Options.Database, result))
        {
            Info(line);
        }

        return result.Succeeded;
    }
}
