using System.Diagnostics;
using System.Globalization;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// A <c>-t:Preview</c> on an environment that is already up: the build before it was incremental, so only what
/// changed was rebuilt; the environment's fingerprint (<see cref="EnvironmentFingerprint"/>) says what that was.
/// </summary>
public sealed partial class PreviewLifecycle
{
    private enum RepeatOutcome
    {
        /// <summary>The environment runs what was built; the links are printed.</summary>
        Done,

        /// <summary>Reported as an error.</summary>
        Failed,

        /// <summary>To be started anew; the reason is not printed yet.</summary>
        StartAnew,

        /// <summary>To be started anew; the reason is printed.</summary>
        StartAnewExplained,
    }

    private RepeatOutcome Repeat(UpRequest request, EnvironmentEntry existing, EnvironmentLinks links, CancellationToken cancellationToken)
    {
        var record = existing.Record;
        var lifetime = $"started {record.StartedAt.LocalDateTime:yyyy-MM-dd HH:mm}, expires {EnvironmentListRenderer.Expiry(record, DateTimeOffset.UtcNow)}";
        // An app host started by F5 or dotnet run registered itself: it is the developer's, not this build's, to restart.
        if (request.Fingerprint is not { } built || record.HostStartTime is not null)
        {
            ReportLinks(request, record, links, $"is already up ({lifetime}); use -p:PreviewRecreate=true to start it anew");
            return RepeatOutcome.Done;
        }

        var running = EnvironmentFingerprint.Read(existing.Folder);
        var whole = running switch
        {
            null => "it was started by an earlier PreviewSdk, which recorded nothing to compare with",
            _ when running.AppHost != built.AppHost => "preview.yaml, the profile or the preview project changed since it started",
            _ when running.Settings != built.Settings => "its settings (PreviewAuth, PreviewDomain, PreviewBindAddress, PreviewGatewayPort, PreviewPublicUrl, PreviewTrustedProxies, PreviewTemplates, PreviewContainerRegistry, PreviewAlertWebhook) changed since it started",
            _ => null,
        };
        if (whole is not null || running is null)
        {
            reporter.Info($"Restarting preview '{request.Name}' as a whole: {whole}.");
            return RepeatOutcome.StartAnewExplained;
        }

        var changed = built.ChangedServices(running);
        if (changed.Count == 0)
        {
            ReportLinks(request, record, links, $"is already up and unchanged ({lifetime}): no service was rebuilt or restarted; use -p:PreviewRecreate=true to start it anew");
            return RepeatOutcome.Done;
        }

        // A service the profile runs as a container runs its image, built as the environment starts: a restart
        // alone would run the old image again.
        if (changed.FirstOrDefault(name => request.Plan.Profile?.RunsAsContainer(name) == true) is { } containerized)
        {
            reporter.Info($"Restarting preview '{request.Name}' as a whole: '{containerized}' changed, and it runs as a container whose image is built as the environment starts.");
            return RepeatOutcome.StartAnewExplained;
        }

        var names = string.Join(", ", changed.Select(name => $"'{name}'"));
        reporter.Info($"Restarting {names} of preview '{request.Name}': {(changed.Count == 1 ? "its build" : "their builds")} changed; the rest of the environment keeps running.");
        var stopwatch = Stopwatch.StartNew();
        var location = SourceLocation.WholeFile(request.ProjectPath);
        var id = ServiceRestartChannel.Post(existing.Folder, changed, request.Timeout);
        // The app host's answer comes once every replica is healthy, within the timeout it was given; a little more
        // for the app host to notice the request and write its answer.
        var answer = ServiceRestartChannel.WaitFor(existing.Folder, id, request.Timeout + TimeSpan.FromSeconds(15), () => existing.IsAlive, cancellationToken);
        if (answer is null)
        {
            var why = existing.IsAlive
                ? $"did not answer within {(request.Timeout.TotalSeconds + 15).ToString("0", CultureInfo.InvariantCulture)} s"
                : "exited";
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.ServiceRestartUnanswered, location, request.Name, names, why));
            return RepeatOutcome.Failed;
        }

        if (answer.Failed.Count > 0)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.ServiceRestartFailed, location, request.Name,
                string.Join(", ", answer.Failed.Keys.Select(name => $"'{name}'")),
                string.Join(" ", answer.Failed.Values)));
            return RepeatOutcome.Failed;
        }

        built.Write(existing.Folder);
        var seconds = stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        ReportLinks(request, record, existing.Links ?? links, $"is up: restarted {names} in {seconds} s, the rest unchanged ({lifetime})");
        return RepeatOutcome.Done;
    }

    private void ReportLinks(UpRequest request, EnvironmentRecord record, EnvironmentLinks links, string headline)
    {
        reporter.Info(LinksRenderer.RenderTable(BuildLogLinks.ForLog(links), headline));
        SharingWarnings.Report(reporter, record, links, request.ProjectPath);
    }
}
