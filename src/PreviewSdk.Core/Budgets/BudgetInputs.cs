using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Budgets;

/// <summary>
/// What <c>-t:Preview</c> needs to know about an environment before it may start: its team and that team's budget,
/// its footprint under the chosen profile, and the profile's time to live.
/// </summary>
/// <param name="Team">The team it counts against.</param>
/// <param name="Budget">The team's budget, or null for none.</param>
/// <param name="Footprint">What it counts against the budget.</param>
/// <param name="ProfileTimeToLive">The profile's time to live.</param>
public sealed record BudgetInputs(string Team, TeamBudget? Budget, EnvironmentFootprint Footprint, TimeSpan ProfileTimeToLive)
{
    /// <summary>
    /// Reads preview.yaml at <paramref name="manifestPath"/> again (the build already reported its problems),
    /// resolves <paramref name="profileName"/> and the budget (<see cref="BudgetSettings"/>). Null after reporting a
    /// problem: an unknown profile (PREVIEW1019) or a broken budget file.
    /// </summary>
    /// <param name="manifestPath">preview.yaml; a missing file reads as an empty one.</param>
    /// <param name="plan">The environment's plan: its app name and services.</param>
    /// <param name="profileName">The profile it runs with.</param>
    /// <param name="teamOverride">The <c>PreviewTeam</c> property, or null or empty.</param>
    /// <param name="budgetFile">The <c>PreviewBudgetFile</c> property, or null or empty.</param>
    /// <param name="projectPath">The preview project, where property problems are reported.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    public static BudgetInputs? Resolve(
        string manifestPath, EnvironmentPlan plan, string profileName, string? teamOverride, string? budgetFile, string projectPath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(manifestPath);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var manifest = ManifestReader.ReadFile(manifestPath).Manifest ?? PreviewManifest.Empty(manifestPath);
        var profile = ProfileCatalog.Resolve(manifest, profileName);
        if (profile is null)
        {
            diagnostics.Error(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), "PreviewProfile", profileName,
                $"a profile built in ({ProfileCatalog.Lightweight}, {ProfileCatalog.Heavyweight}) or defined in preview.yaml");
            return null;
        }

        if (BudgetSettings.Resolve(manifest, plan.AppName, teamOverride, budgetFile, diagnostics) is not { } settings)
        {
            return null;
        }

        return new BudgetInputs(settings.Team, settings.Budget, EnvironmentFootprint.Of(plan, profile), profile.TimeToLive);
    }
}
