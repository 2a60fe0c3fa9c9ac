using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Budgets;

/// <summary>
/// Decides an environment's team and the budget it counts against. The team is the <c>PreviewTeam</c> property,
/// else preview.yaml's <c>team:</c>, else the app's name. The budget is the team's entry in the shared budget file
/// (<c>PreviewBudgetFile</c>) when the file has one, else preview.yaml's <c>budget:</c> when the team is
/// preview.yaml's own, else none: a machine-wide file is the administrators' word and wins over a repository's.
/// </summary>
public static class BudgetSettings
{
    /// <summary>The team and its budget (null when none applies); null after reporting a problem.</summary>
    /// <param name="manifest">The read preview.yaml.</param>
    /// <param name="appName">The app's name, the team when nothing else names one.</param>
    /// <param name="teamOverride">The <c>PreviewTeam</c> property, or null or empty.</param>
    /// <param name="budgetFile">The <c>PreviewBudgetFile</c> property, or null or empty.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    public static (string Team, TeamBudget? Budget)? Resolve(
        PreviewManifest manifest, string appName, string? teamOverride, string? budgetFile, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(appName);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var team = !string.IsNullOrWhiteSpace(teamOverride) ? teamOverride.Trim() : manifest.Team?.Value ?? appName;
        if (!string.IsNullOrWhiteSpace(budgetFile))
        {
            var budgets = BudgetFileReader.Read(Path.GetFullPath(budgetFile), diagnostics);
            if (budgets is null)
            {
                return null;
            }

            if (budgets.TryGetValue(team, out var shared))
            {
                return (team, shared);
            }
        }

        // preview.yaml's budget is its own team's; an overriding PreviewTeam names another team, whose budget it is not.
        var manifestTeam = manifest.Team?.Value ?? appName;
        if (manifest.Budget is { } entry && team == manifestTeam)
        {
            return (team, new TeamBudget(team, entry.Environments?.Value, entry.Cpus?.Value, entry.MemoryBytes?.Value, manifest.Path));
        }

        return (team, null);
    }
}
