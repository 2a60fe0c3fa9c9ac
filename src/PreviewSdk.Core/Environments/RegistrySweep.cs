using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// Removes what is left of environments nobody will stop: those whose app host is gone (killed, crashed, a build
/// that died before launching it) and those whose time to live passed (when the app host did not stop itself).
/// Every command that reads the registry runs it first, so a crash never holds a team's budget for long.
/// </summary>
/// <remarks>
/// An environment whose lock someone holds is passed over: a build is starting or stopping it, or its app host is
/// tearing itself down. That is also what keeps a fresh reservation (recorded before its app host exists) from
/// being taken for the remains of a dead one: its build holds the lock until the app host runs.
/// </remarks>
public static class RegistrySweep
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Sweeps <paramref name="registry"/> as of <paramref name="now"/>, passing over the entries
    /// <paramref name="skip"/> selects (the command's own environment, which it handles itself), and returns the
    /// entries it removed. Each removal is reported; an environment whose processes survive is reported with
    /// PREVIEW2005 as a warning and keeps its state folder for the next sweep.
    /// </summary>
    public static IReadOnlyList<EnvironmentEntry> Run(EnvironmentRegistry registry, DateTimeOffset now, IPreviewReporter reporter, Func<EnvironmentEntry, bool>? skip = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(reporter);
        var swept = new List<EnvironmentEntry>();
        foreach (var candidate in registry.List())
        {
            if ((skip?.Invoke(candidate) ?? false) || Reason(candidate, now) is null)
            {
                continue;
            }

            using var environmentLock = registry.TryLockEnvironment(candidate.Record.App, candidate.Record.Name);
            if (environmentLock is null)
            {
                continue;
            }

            // Read again under the lock: its holder may have just stopped it, or started it anew.
            if (EnvironmentRegistry.Read(candidate.Folder) is not { } entry || Reason(entry, now) is not { } reason)
            {
                continue;
            }

            var survivors = EnvironmentProcesses.Stop(entry.Record, StopGrace);
            if (survivors.Count > 0)
            {
                reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.ProcessesLeftBehind, DiagnosticSeverity.Warning,
                    SourceLocation.WholeFile(entry.Folder), entry.Record.Name, string.Join(' ', survivors)));
                continue;
            }

            if (Containers.EnvironmentContainers.RemoveRecorded(entry.Record) is { Count: > 0 } leftovers)
            {
                reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.ContainersNotRemoved, DiagnosticSeverity.Warning,
                    SourceLocation.WholeFile(entry.Folder), entry.Record.Name, string.Join("; ", leftovers) + ".", entry.Record.EnvironmentId));
                continue;
            }

            StateDeletion.Delete(entry.Folder);
            environmentLock.DeleteOnRelease();
            swept.Add(entry);
            reporter.Info($"Cleaned up preview '{entry.Record.Name}' of '{entry.Record.App}': {reason}.{(entry.Record.Team is { } team ? $" Team '{team}' has its share of the budget back." : string.Empty)}");
        }

        return swept;
    }

    /// <summary>Why <paramref name="entry"/> is to be swept at <paramref name="now"/>, or null when it is not.</summary>
    public static string? Reason(EnvironmentEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = entry.Record;
        if (record.State == EnvironmentState.Expired)
        {
            return "it expired";
        }

        if (!entry.IsAlive)
        {
            return record.State == EnvironmentState.Starting ? "the build that was starting it is gone" : "its app host is gone";
        }

        return record.HasExpired(now) ? $"it expired at {record.ExpiresAt!.Value.LocalDateTime:yyyy-MM-dd HH:mm}" : null;
    }
}
