using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Planning;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// What <c>-t:PreviewMigrationCheck</c> checks, decided from the plan, preview.yaml and the properties: the
/// database, where its migrations come from, the base and the seed settings.
/// </summary>
/// <param name="Source">The database's migrations: EF Core when <c>efcore:</c> is set, else the <c>sql:</c> folder.</param>
/// <param name="Options">The database, base and location (without a log).</param>
/// <param name="Settings">What to seed at the base.</param>
/// <param name="ExcludedTables">The entry's <c>exclude:</c> tables.</param>
public sealed record MigrationCheckSetup(IMigrationSource Source, MigrationCheckOptions Options, SeedSettings Settings, IReadOnlyList<string> ExcludedTables)
{
    /// <summary>Decides the setup, or reports why there is nothing to check (PREVIEW4072, 4073, 1019).</summary>
    /// <param name="plan">The validated plan.</param>
    /// <param name="manifest">preview.yaml as read (the seed settings live there).</param>
    /// <param name="projectPath">The preview project, where diagnostics about properties point.</param>
    /// <param name="database">PreviewMigrationDatabase; empty for the first seeded database with migrations.</param>
    /// <param name="baseName">PreviewMigrationBase; empty when not set.</param>
    /// <param name="baseRef">PreviewMigrationBaseRef; empty for <see cref="MigrationBase.Default"/>.</param>
    /// <param name="profile">The profile whose scale applies to the seeded rows.</param>
    /// <param name="diagnostics">Receives the problems.</param>
    public static MigrationCheckSetup? Create(
        EnvironmentPlan plan,
        PreviewManifest manifest,
        string projectPath,
        string? database,
        string? baseName,
        string? baseRef,
        string profile,
        ICollection<PreviewDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var projectFile = SourceLocation.WholeFile(projectPath);
        if (!string.IsNullOrWhiteSpace(baseName) && !string.IsNullOrWhiteSpace(baseRef))
        {
            diagnostics.Add(DiagnosticFactory.Create(
                DiagnosticCodes.InvalidProperty, projectFile, "PreviewMigrationBaseRef", baseRef, "empty when PreviewMigrationBase is set (the base is one or the other)"));
            return null;
        }

        var checkable = plan.Seeds.Where(seed => seed.EfCoreProject is not null || seed.SqlFolder is not null).ToList();
        var chosen = string.IsNullOrWhiteSpace(database)
            ? checkable.FirstOrDefault()
            : checkable.FirstOrDefault(seed => seed.Database == database.Trim());
        if (chosen is null)
        {
            diagnostics.Add(string.IsNullOrWhiteSpace(database)
                ? DiagnosticFactory.Create(DiagnosticCodes.NoMigrationsToCheck, SourceLocation.WholeFile(manifest.Path), SeededWithout(plan))
                : DiagnosticFactory.Create(DiagnosticCodes.UnknownMigrationDatabase, projectFile, database, DiagnosticFactory.NameList(checkable.Select(seed => seed.Database))));
            return null;
        }

        var entry = manifest.Seeds.First(seed => seed.Database.Value == chosen.Database);
        var migrations = entry.Migrations!;
        IMigrationSource source = chosen.EfCoreProject is { } project
            ? new EfCoreMigrations(project, chosen.StartupProject, migrations.EfCore!.Value.Location)
            : new SqlFolderMigrations(chosen.SqlFolder!, migrations.Sql!.Value.Location);
        var migrationBase = !string.IsNullOrWhiteSpace(baseName) ? MigrationBase.Named(baseName.Trim())
            : !string.IsNullOrWhiteSpace(baseRef) ? MigrationBase.AtGitRef(baseRef.Trim())
            : MigrationBase.Default;
        var options = new MigrationCheckOptions
        {
            Database = chosen.Database,
            Base = migrationBase,
            Location = chosen.EfCoreProject is not null ? migrations.EfCore!.Value.Location : migrations.Sql!.Value.Location,
        };
        return new MigrationCheckSetup(
            source, options, SeedSettingsFactory.From(entry, profile, manifest), entry.Exclude.Select(table => table.Value).ToList());
    }

    private static string SeededWithout(EnvironmentPlan plan) =>
        plan.Seeds.Count == 0
            ? string.Empty
            : $" Seeded databases without them: {DiagnosticFactory.NameList(plan.Seeds.Select(seed => seed.Database))}.";
}
