using System.Diagnostics;
using System.Globalization;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Environments;

/// <summary>Waits for a starting environment to become ready, fail, or run out of time.</summary>
public static class ReadinessWait
{
    // Short enough to add little to the time to links, long enough to cost nothing while the environment starts.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Polls the state folder of <paramref name="entry"/> until the hosting layer reports it ready (returns null), a
    /// resource fails, the app host exits, or <paramref name="timeout"/> passes; each of these returns the coded
    /// error to report, with the last log lines of the resources at fault. The messages name
    /// <paramref name="postMortem"/>, where the teardown is to keep the logs and reports.
    /// </summary>
    /// <exception cref="OperationCanceledException">The build was cancelled (Ctrl+C) while waiting.</exception>
    public static PreviewDiagnostic? Until(EnvironmentEntry entry, TimeSpan timeout, string postMortem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = entry.Record;
        var location = SourceLocation.WholeFile(record.ProjectPath ?? entry.Folder);
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (entry.Ready is not null)
            {
                return null;
            }

            if (entry.Failure is { } failure)
            {
                return DiagnosticFactory.Create(DiagnosticCodes.ResourceFailed, location, record.Name, failure.Reason, postMortem) with { Details = ResourceLog(entry, failure.Resource) };
            }

            if (!EnvironmentProcesses.IsHostAlive(record) && !IsAliveOnSecondLook(record))
            {
                // It may have written the ready file just before exiting on purpose; look once more.
                if (entry.Ready is not null)
                {
                    return null;
                }

                var hostLog = Path.Combine(entry.Folder, StateFiles.HostLog);
                return DiagnosticFactory.Create(DiagnosticCodes.AppHostExited, location, record.Name, postMortem) with { Details = LogTail.Read(hostLog) };
            }

            if (stopwatch.Elapsed > timeout)
            {
                var diagnosis = TimeoutDiagnosis.Of(entry.Resources);
                var logs = diagnosis.AtFault.Count == 0
                    ? LogTail.Read(Path.Combine(entry.Folder, StateFiles.HostLog))
                    : string.Join('\n', diagnosis.AtFault.Select(resource => $"  {resource.Name} ({StateFiles.LogsFolder}/{resource.Name}.log):\n{ResourceLog(entry, resource.Name)}"));
                return DiagnosticFactory.Create(DiagnosticCodes.EnvironmentTimedOut, location, record.Name,
                    timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture), diagnosis.Describe(), postMortem) with { Details = logs };
            }

            cancellationToken.WaitHandle.WaitOne(PollInterval);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static string ResourceLog(EnvironmentEntry entry, string resource) =>
        LogTail.Read(Path.Combine(entry.Folder, StateFiles.LogsFolder, resource + ".log"));

    // Right after the launch the host is still exec'ing (sh, setsid, dotnet): for that moment /proc may not show its
    // environment, and one look would call a starting host dead. A host that really exited stays gone.
    private static bool IsAliveOnSecondLook(EnvironmentRecord record)
    {
        Thread.Sleep(PollInterval);
        return EnvironmentProcesses.IsHostAlive(record);
    }
}
