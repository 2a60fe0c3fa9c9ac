using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Tasks;

/// <inheritdoc cref="StartPreview"/>
public sealed partial class StartPreview : PreviewTask
{
    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        // Every property is checked, so one build reports every wrong value.
        var valid = PreviewProperties.TryReadSeconds(this, "PreviewTimeout", Timeout, ProjectPath, out var timeout)
            & PreviewProperties.TryReadProfile(this, Profile, ProjectPath, out var profile)
            & PreviewProperties.TryReadTimeToLive(this, TimeToLive, ProjectPath, out var timeToLive)
            & PreviewProperties.TryReadTeam(this, Team, ProjectPath, out var team)
            & PreviewProperties.TryReadAlertWebhook(this, AlertWebhook, ProjectPath, out var alertWebhook);
        if (!valid)
        {
            return false;
        }

        var plan = Core.Planning.EnvironmentPlan.Read(PlanFile);
        var diagnostics = new DiagnosticBag();
        var budget = BudgetInputs.Resolve(Path.GetFullPath(ManifestPath), plan, profile, team, BudgetFile, ProjectPath, diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Report(diagnostic);
        }

        if (budget is null)
        {
            return false;
        }

        ResolvedName = EnvironmentNames.Resolve(PreviewName, Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!);
        var request = new UpRequest
        {
            Plan = plan,
            Name = ResolvedName,
            Profile = profile,
            StateRoot = StateRootPath(),
            AppHostPath = Path.GetFullPath(AppHostPath),
            ProjectPath = Path.GetFullPath(ProjectPath),
            Timeout = timeout,
            Recreate = Recreate,
            DotnetHost = string.IsNullOrEmpty(DotnetHost) ? "dotnet" : DotnetHost,
            Team = budget.Team,
            Budget = budget.Budget,
            Footprint = budget.Footprint,
            TimeToLive = timeToLive ?? budget.ProfileTimeToLive,
            DefaultTimeToLive = budget.ProfileTimeToLive,
            Keep = Keep,
            AlertWebhook = alertWebhook,
        };
        return new PreviewLifecycle(this).Up(request, cancellationToken);
    }

    private string StateRootPath() => Core.Environments.StateRoot.Resolve(StateRoot);
}
