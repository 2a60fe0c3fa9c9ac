using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Environments;

/// <summary><c>-t:PreviewList</c> and <c>-t:PreviewExtend</c>: reading the registry and moving an environment's expiry.</summary>
public sealed partial class PreviewLifecycle
{
    /// <summary>Describes every environment of the registry, one block each, after sweeping up the dead and the expired.</summary>
    public IReadOnlyList<EnvironmentEntry> List(string stateRoot)
    {
        IReadOnlyList<EnvironmentEntry> entries = [];
        Guarded(stateRoot, create: false, () =>
        {
            var registry = new EnvironmentRegistry(stateRoot);
            RegistrySweep.Run(registry, DateTimeOffset.UtcNow, reporter);
            entries = registry.List();
            reporter.Info(EnvironmentListRenderer.Render(entries, DateTimeOffset.UtcNow));
            return true;
        });
        return entries;
    }

    /// <summary>
    /// Extends the time to live of the environment <paramref name="name"/> of the preview project
    /// <paramref name="projectPath"/>: <paramref name="timeToLive"/> from now (the profile's when null), or keeps it
    /// when <paramref name="keep"/>. Returns false after reporting an error (PREVIEW2012 when it does not run).
    /// </summary>
    public bool Extend(string stateRoot, string projectPath, string name, TimeSpan? timeToLive, bool keep) =>
        Guarded(stateRoot, create: false, () => ExtendUnguarded(stateRoot, projectPath, name, timeToLive, keep));

    private bool ExtendUnguarded(string stateRoot, string projectPath, string name, TimeSpan? timeToLive, bool keep)
    {
        var registry = new EnvironmentRegistry(stateRoot);
        // Its own environment too: one that expired or died is not extended but cleaned up.
        RegistrySweep.Run(registry, DateTimeOffset.UtcNow, reporter);
        var entries = registry.List().Where(entry => IsOf(entry, projectPath, name)).ToList();
        if (entries.Count == 0)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.EnvironmentNotRunning, SourceLocation.WholeFile(projectPath), name, Path.GetFileName(projectPath)));
            return false;
        }

        foreach (var found in entries)
        {
            using var environmentLock = TryLock(registry, found.Record.App, name);
            if (environmentLock is null)
            {
                return false;
            }

            if (EnvironmentRegistry.Read(found.Folder) is not { } entry || entry.Record.State == EnvironmentState.Expired)
            {
                reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.EnvironmentNotRunning, SourceLocation.WholeFile(projectPath), name, Path.GetFileName(projectPath)));
                return false;
            }

            var now = DateTimeOffset.UtcNow;
            var extended = EnvironmentExpiry.Extend(entry.Record, timeToLive, keep, now);
            StateJson.Write(Path.Combine(entry.Folder, StateFiles.Record), extended);
            reporter.Info(extended.Keep
                ? $"Preview '{name}' of '{extended.App}' is kept: it does not expire{(extended.Team is { } team ? $", and still counts against the budget of team '{team}'" : string.Empty)}. Stop it with -t:PreviewDown."
                : $"Preview '{name}' of '{extended.App}' now expires at {extended.ExpiresAt!.Value.LocalDateTime:yyyy-MM-dd HH:mm:ss} (in {EnvironmentListRenderer.Age(extended.ExpiresAt.Value - now)}).");
        }

        return true;
    }
}
