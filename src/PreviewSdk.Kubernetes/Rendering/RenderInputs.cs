using PreviewSdk.Core.EfCore;
using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Inputs;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>What the build knows about the environment besides its plan and settings.</summary>
public sealed record EnvironmentIdentity
{
    /// <summary>The environment's name.</summary>
    public required string Name { get; init; }

    /// <summary>The profile's name.</summary>
    public required string Profile { get; init; }

    /// <summary>Who starts it.</summary>
    public required string Owner { get; init; }

    /// <summary>The git branch, if any.</summary>
    public string? Branch { get; init; }

    /// <summary><c>PreviewTeam</c>, or null.</summary>
    public string? Team { get; init; }

    /// <summary><c>PreviewBudgetFile</c>, or null.</summary>
    public string? BudgetFile { get; init; }

    /// <summary><c>PreviewTtl</c>, or null for the profile's.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary><c>PreviewKeep</c>.</summary>
    public bool Keep { get; init; }
}

/// <summary>
/// Builds a <see cref="RenderRequest"/> from what the build has: the plan, preview.yaml (its profile, team, budget
/// and text), the identity and the images, through the same resolution the local target uses
/// (<see cref="BudgetInputs"/>, <see cref="ProfileCatalog"/>).
/// </summary>
public static class RenderInputs
{
    /// <summary>The request, or null after reporting a problem (an unknown profile, a broken budget file, an unreadable SQL migration).</summary>
    public static (RenderRequest Request, EnvironmentFootprint Footprint)? Prepare(
        EnvironmentPlan plan,
        string manifestPath,
        string projectPath,
        EnvironmentIdentity identity,
        KubernetesSettings settings,
        IReadOnlyDictionary<string, string> serviceImages,
        ProductImages productImages,
        DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var budget = BudgetInputs.Resolve(manifestPath, plan, identity.Profile, identity.Team, identity.BudgetFile, projectPath, diagnostics);
        if (budget is null)
        {
            return null;
        }

        var text = InputFile.Read(manifestPath, InputFile.YamlMaxBytes).Text ?? string.Empty;
        var manifest = ManifestReader.ReadFile(manifestPath).Manifest ?? PreviewManifest.Empty(manifestPath);
        var profile = ProfileCatalog.Resolve(manifest, identity.Profile)!;
        var migrations = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var seed in plan.Seeds.Where(seed => seed.SqlFolder is not null))
        {
            if (ReadSqlFolder(seed.SqlFolder!, diagnostics) is not { } files)
            {
                return null;
            }

            migrations[seed.Database] = files;
        }

        // Read here, from the source, as the local seeding reads them: the Job's pod has no source.
        var efCoreMigrations = plan.Seeds
            .Where(seed => seed.MigrationsService is not null && seed.EfCoreProject is not null)
            .ToDictionary(seed => seed.Database, seed => EfCoreProjectSource.Read(seed.EfCoreProject!).MigrationIds, StringComparer.Ordinal);
        var request = new RenderRequest
        {
            Plan = plan,
            Profile = profile,
            Environment = identity.Name,
            Team = budget.Team,
            Budget = budget.Budget,
            Owner = identity.Owner,
            Branch = identity.Branch,
            TimeToLive = identity.TimeToLive ?? budget.ProfileTimeToLive,
            Keep = identity.Keep,
            Settings = settings,
            ServiceImages = serviceImages,
            ProductImages = productImages,
            ManifestText = text,
            SqlMigrations = migrations,
            EfCoreMigrations = efCoreMigrations,
        };
        return (request, budget.Footprint);
    }

    private static SortedDictionary<string, string>? ReadSqlFolder(string folder, DiagnosticBag diagnostics)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            var content = InputFile.Read(path, InputFile.SqlMaxBytes);
            if (content.Refusal is { } refusal)
            {
                diagnostics.Add(refusal);
                return null;
            }

            files[Path.GetFileName(path)] = content.Text ?? string.Empty;
        }

        return files;
    }
}
