using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PreviewSdk.Observability.Alerts;

namespace Aspire.Hosting;

/// <summary>Reads a resource's snapshot as an observation for the incident tracker: bad (with its problem), good, or neither.</summary>
internal static class ResourceProblems
{
    private static readonly HashSet<string> Ended = [KnownResourceStates.Exited, KnownResourceStates.FailedToStart, KnownResourceStates.Finished];

    /// <summary>Running, and healthy by every health check it has (none counts as healthy).</summary>
    public static bool IsGood(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running
        && (snapshot.HealthStatus == HealthStatus.Healthy || (snapshot.HealthStatus is null && snapshot.HealthReports.IsEmpty));

    /// <summary>
    /// The problem the snapshot shows, or null when it shows none (good, or on its way somewhere: starting, stopping).
    /// An end after <paramref name="stoppedOnPurpose"/> (someone stopped it) is no problem.
    /// </summary>
    public static Problem? Of(CustomResourceSnapshot snapshot, bool stoppedOnPurpose)
    {
        var state = snapshot.State?.Text;
        if (state is not null && Ended.Contains(state))
        {
            return stoppedOnPurpose ? null : new Problem(ProblemKind.Exited, Ending(state, snapshot.ExitCode), []);
        }

        if (state != KnownResourceStates.Running || snapshot.HealthStatus != HealthStatus.Unhealthy)
        {
            return null;
        }

        var failing = snapshot.HealthReports.Where(report => report.Status == HealthStatus.Unhealthy).ToList();
        var checks = failing.Where(report => report.Name.StartsWith("check:", StringComparison.Ordinal)).ToList();
        if (checks.Count > 0 && checks.Count == failing.Count)
        {
            return new Problem(ProblemKind.CheckFailing, checks[0].Description ?? checks[0].Name, checks.Skip(1).Select(report => report.Description ?? report.Name).ToList());
        }

        var details = failing.Select(report => $"{report.Name}: {report.Description ?? report.ExceptionText?.Split('\n')[0] ?? "unhealthy"}").ToList();
        return new Problem(ProblemKind.Unhealthy, details.FirstOrDefault() ?? "a health check reports it unhealthy", details.Skip(1).ToList());
    }

    private static string Ending(string state, int? exitCode) => (state, exitCode) switch
    {
        (_, 137) => "was killed (exit code 137: SIGKILL, or out of memory)",
        (_, 143) => "was terminated (exit code 143: SIGTERM)",
        // What the orchestrator reports for a process that died by a signal (SIGKILL) rather than exit.
        (_, -1) when state == KnownResourceStates.Exited => "stopped without an exit code (killed by a signal, or crashed)",
        (_, { } code) when state == KnownResourceStates.FailedToStart => string.Create(CultureInfo.InvariantCulture, $"failed to start (exit code {code})"),
        (_, { } code) => string.Create(CultureInfo.InvariantCulture, $"exited with code {code}"),
        _ when state == KnownResourceStates.FailedToStart => "failed to start",
        _ => "exited",
    };
}
