using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// An app host started in the foreground (F5, <c>dotnet run</c>) registering itself in the registry as
/// <c>-t:Preview</c> registers the ones it starts: the same name rules, budget and state folder, so
/// <c>-t:PreviewList</c> lists it and <c>-t:PreviewDown</c> stops it.
/// </summary>
public sealed partial class PreviewLifecycle
{
    /// <summary>What a foreground app host registers as.</summary>
    /// <param name="Launch">What its build wrote beside it.</param>
    /// <param name="Profile">Its profile (<c>PREVIEW_PROFILE</c> of its launch profile).</param>
    /// <param name="Name">A name asked for (<c>PREVIEW_ENVIRONMENT_NAME</c>), or null for the git branch.</param>
    /// <param name="DashboardUrl">Its dashboard's address.</param>
    public sealed record ForegroundRequest(LaunchFile Launch, string Profile, string? Name, string DashboardUrl);

    /// <summary>A registered foreground environment.</summary>
    /// <param name="Name">Its name.</param>
    /// <param name="EnvironmentId">The id its processes carry.</param>
    /// <param name="StateDirectory">Its state folder in the registry.</param>
    public sealed record ForegroundEnvironment(string Name, string EnvironmentId, string StateDirectory);

    /// <summary>
    /// Registers the calling process as the app host of its environment: stops an environment of the same name that
    /// runs (started by <c>-t:Preview</c>, or an earlier F5), checks the team's budget, and writes the record with this
    /// process as its host. Null after reporting why not (budget, lock).
    /// </summary>
    public ForegroundEnvironment? RegisterForeground(ForegroundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var launch = request.Launch;
        var plan = launch.ReadPlan();
        var diagnostics = new DiagnosticBag();
        var budget = BudgetInputs.Resolve(launch.ManifestPath, plan, request.Profile, NullIfEmpty(launch.Team), NullIfEmpty(launch.BudgetFile), launch.ProjectPath, diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            reporter.Report(diagnostic);
        }

        if (budget is null)
        {
            return null;
        }

        var projectFolder = Path.GetDirectoryName(Path.GetFullPath(launch.ProjectPath))!;
        var name = EnvironmentNames.Resolve(request.Name, projectFolder);
        var registry = new EnvironmentRegistry(StateRoot.Resolve(NullIfEmpty(launch.StateRoot)));
        var folder = registry.FolderOf(plan.AppName, name);
        using var environmentLock = TryLock(registry, plan.AppName, name);
        if (environmentLock is null)
        {
            return null;
        }

        if (EnvironmentRegistry.Read(folder) is { } existing)
        {
            reporter.Info(existing.IsAlive
                ? $"Stopping preview '{name}' (started {existing.Record.StartedAt.LocalDateTime:yyyy-MM-dd HH:mm}) to run it here."
                : $"Cleaning up preview '{name}', whose app host is gone.");
            if (!TearDown(existing))
            {
                return null;
            }
        }

        var now = DateTimeOffset.UtcNow;
        var record = new EnvironmentRecord
        {
            Name = name,
            App = plan.AppName,
            Profile = request.Profile,
            EnvironmentId = Guid.NewGuid().ToString("N"),
            HostProcessId = Environment.ProcessId,
            HostStartTime = EnvironmentProcesses.StartTimeOf(Environment.ProcessId),
            StartedAt = now,
            Owner = EnvironmentOwner.Resolve(projectFolder),
            Branch = EnvironmentNames.GitBranch(projectFolder),
            ProjectPath = Path.GetFullPath(launch.ProjectPath),
            DashboardUrl = request.DashboardUrl,
            Team = budget.Team,
            Cpus = budget.Footprint.Cpus,
            MemoryBytes = budget.Footprint.MemoryBytes,
            ExpiresAt = now + budget.ProfileTimeToLive,
            DefaultTimeToLive = budget.ProfileTimeToLive,
        };
        if (!new EnvironmentAdmission(registry, reporter).TryReserve(folder, record, budget.Budget, budget.Footprint, now))
        {
            environmentLock.DeleteOnRelease();
            return null;
        }

        return new ForegroundEnvironment(name, record.EnvironmentId, folder);
    }

    /// <summary>
    /// For a foreground app host that stopped: stops whatever still carries its environment's id and deletes its state
    /// folder and lock. Does nothing when a build holds the lock (<c>-t:PreviewDown</c> stopped it and cleans up), the
    /// record is another run's, or it expired (its expiry cleans up). True when it removed the environment.
    /// </summary>
    public static bool DeregisterForeground(string stateFolder, string environmentId)
    {
        if (EnvironmentRegistry.Read(stateFolder)?.Record is not { } record || record.EnvironmentId != environmentId || record.State == EnvironmentState.Expired)
        {
            return false;
        }

        using var environmentLock = EnvironmentRegistry.OfStateFolder(stateFolder).TryLockEnvironment(record.App, record.Name);
        if (environmentLock is null || EnvironmentProcesses.StopRemaining(environmentId).Count > 0)
        {
            return false;
        }

        StateDeletion.Delete(stateFolder);
        environmentLock.DeleteOnRelease();
        return true;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
