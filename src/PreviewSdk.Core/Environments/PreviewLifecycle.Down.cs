using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Limits;
using PreviewSdk.Core.PostMortems;

namespace PreviewSdk.Core.Environments;

/// <summary><c>-t:PreviewDown</c>, and the teardown every stop and every failed start goes through.</summary>
public sealed partial class PreviewLifecycle
{
    /// <summary>
    /// Stops the environment <paramref name="name"/> of the preview project <paramref name="projectPath"/> and
    /// deletes its state. Found through the registry's records rather than preview.yaml, so an environment can be
    /// stopped even while its preview.yaml is broken. Returns false after reporting an error.
    /// </summary>
    public bool Down(string stateRoot, string projectPath, string name) =>
        Guarded(stateRoot, create: false, () => DownUnguarded(stateRoot, projectPath, name));

    private bool DownUnguarded(string stateRoot, string projectPath, string name)
    {
        var registry = new EnvironmentRegistry(stateRoot);
        RegistrySweep.Run(registry, DateTimeOffset.UtcNow, reporter, entry => IsOf(entry, projectPath, name));
        var entries = registry.List().Where(entry => IsOf(entry, projectPath, name)).ToList();
        if (entries.Count == 0)
        {
            reporter.Info($"Preview '{name}' of {Path.GetFileName(projectPath)} is not running; nothing to stop.");
            return true;
        }

        var stopped = true;
        foreach (var entry in entries)
        {
            using var environmentLock = TryLock(registry, entry.Record.App, name);
            if (environmentLock is null || !TearDown(entry))
            {
                stopped = false;
                continue;
            }

            environmentLock.DeleteOnRelease();
            reporter.Info($"Preview '{name}' of '{entry.Record.App}' is down.");
        }

        return stopped;
    }

    /// <summary>
    /// Stops the environment's processes and deletes its state; first, with <paramref name="postMortem"/>, keeps
    /// its logs and reports there (once every process stopped, so the logs are complete).
    /// </summary>
    private bool TearDown(EnvironmentEntry entry, string? postMortem = null)
    {
        var survivors = EnvironmentProcesses.Stop(entry.Record, StopGrace);
        if (survivors.Count > 0)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.ProcessesLeftBehind, SourceLocation.WholeFile(entry.Folder),
                entry.Record.Name, string.Join(' ', survivors)));
            return false;
        }

        if (EnvironmentCgroups.Remove(entry.Record.EnvironmentId, id => EnvironmentProcesses.Find(id).Count > 0) is { } leftover)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.LimitsCgroupNotRemoved, SourceLocation.WholeFile(entry.Folder),
                entry.Record.Name, leftover.Message, leftover.Path));
            return false;
        }

        if (Containers.EnvironmentContainers.RemoveRecorded(entry.Record) is { Count: > 0 } leftovers)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.ContainersNotRemoved, SourceLocation.WholeFile(entry.Folder),
                entry.Record.Name, string.Join("; ", leftovers) + ".", entry.Record.EnvironmentId));
            return false;
        }

        if (postMortem is not null)
        {
            try
            {
                PostMortemArchive.Keep(entry.Folder, postMortem);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.PostMortemNotKept, DiagnosticSeverity.Warning,
                    SourceLocation.WholeFile(entry.Folder), entry.Record.Name, postMortem, e.Message));
            }
        }

        StateDeletion.Delete(entry.Folder);
        return true;
    }
}
