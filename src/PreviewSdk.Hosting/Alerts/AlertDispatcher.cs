using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Observability.Alerts;

namespace Aspire.Hosting;

/// <summary>
/// Announces incidents as they open and close: composes the alert (the coded message, the resource's last log lines,
/// the environment's links), writes it into the environment resource's log and the app host's, shows the open ones as
/// the environment resource's state and in <c>alerts.json</c> (for <c>-t:PreviewList</c>), and hands it to the outbox
/// that posts it to every webhook.
/// </summary>
internal sealed class AlertDispatcher(
    PreviewRuntime runtime,
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService loggers,
    ResourceLogRecorder recorder,
    ILogger<AlertDispatcher> logger)
{
    /// <summary>How many log lines an alert quotes.</summary>
    public const int LogLineCount = 20;

    /// <summary>The dashboard property of the environment resource that lists the open alerts.</summary>
    public const string AlertsProperty = "preview.alerts";

    private readonly List<AlertEntry> recent = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Where alerts are posted; set once the environment resource is known.</summary>
    public AlertOutbox? Outbox { get; set; }

    /// <summary>Announces <paramref name="change"/>; <paramref name="open"/> are the incidents open after it.</summary>
    public async Task AnnounceAsync(PreviewEnvironmentResource environment, IncidentChange change, IReadOnlyList<Incident> open)
    {
        var message = await ComposeAsync(change);
        await gate.WaitAsync();
        try
        {
            Log(environment, message);
            recent.Insert(0, new AlertEntry(message.Kind, message.IncidentId, message.Code, message.Resource, message.Title, change.Incident.ResolvedAt ?? change.Incident.OpenedAt));
            recent.RemoveRange(Math.Min(recent.Count, 20), Math.Max(0, recent.Count - 20));
            StateJson.Write(Path.Combine(runtime.StateDirectory, StateFiles.Alerts), new AlertsReport
            {
                UpdatedAt = DateTimeOffset.UtcNow,
                Open = open.Select(incident => Entry(incident)).ToList(),
                Recent = [.. recent],
            });
            await PublishStateAsync(environment, open);
        }
        finally
        {
            gate.Release();
        }

        Outbox?.Post(message);
    }

    /// <summary>Writes a line into the environment resource's log in the dashboard.</summary>
    public void Note(PreviewEnvironmentResource environment, PreviewDiagnostic diagnostic)
    {
        loggers.GetLogger(environment).Log(diagnostic.IsError ? LogLevel.Error : LogLevel.Warning, "{Diagnostic}", $"{diagnostic.Code}: {diagnostic.Message}");
        logger.Log(diagnostic.IsError ? LogLevel.Error : LogLevel.Warning, "{Diagnostic}", $"{diagnostic.Code}: {diagnostic.Message}");
    }

    private async Task<AlertMessage> ComposeAsync(IncidentChange change)
    {
        var incident = change.Incident;
        var code = AlertMessage.CodeOf(incident.Problem.Kind);
        var text = DiagnosticFactory.Create(code, SourceLocation.WholeFile(string.Empty), incident.Resource, incident.Problem.Summary, runtime.Name).Message;
        var record = StateJson.TryRead<EnvironmentRecord>(Path.Combine(runtime.StateDirectory, StateFiles.Record));
        return new AlertMessage
        {
            Kind = change.IsRecovery ? AlertMessage.RecoveryKind : AlertMessage.AlertKind,
            IncidentId = incident.Id,
            Code = code,
            Environment = runtime.Name,
            App = record?.App ?? string.Empty,
            Profile = runtime.Profile,
            Resource = incident.Resource,
            Title = change.IsRecovery ? $"{incident.Resource} recovered" : TitleOf(incident),
            Message = text,
            Details = incident.Problem.Details,
            LogLines = change.IsRecovery ? [] : await LastLogLinesAsync(incident.Resource),
            Links = AlertLinks.From(StateJson.TryRead<EnvironmentLinks>(Path.Combine(runtime.StateDirectory, StateFiles.LinksJson))),
            OpenedAt = incident.OpenedAt,
            ResolvedAt = incident.ResolvedAt,
        };
    }

    private async Task<IReadOnlyList<string>> LastLogLinesAsync(string resourceName)
    {
        if (model.Resources.FirstOrDefault(resource => resource.Name == resourceName) is not { } resource)
        {
            return [];
        }

        // The recorder gets the log from its first line, and returns once what was logged so far is in the file.
        await recorder.CaptureAsync(resource);
        return LogTail.Lines(Path.Combine(runtime.StateDirectory, StateFiles.LogsFolder, resourceName + ".log"), LogLineCount);
    }

    private void Log(PreviewEnvironmentResource environment, AlertMessage message)
    {
        var log = loggers.GetLogger(environment);
        if (message.IsRecovery)
        {
            log.LogInformation("[{Incident}] {Title}: healthy again after {Duration}.", message.IncidentId, message.Title, EnvironmentListRenderer.Age((message.ResolvedAt ?? message.OpenedAt) - message.OpenedAt));
            logger.LogInformation("Preview '{Name}': {Title} (incident {Incident}).", runtime.Name, message.Title, message.IncidentId);
            return;
        }

        log.LogError("[{Incident}] {Code}: {Message}", message.IncidentId, message.Code, message.Message);
        foreach (var line in message.Details)
        {
            log.LogError("[{Incident}]   {Detail}", message.IncidentId, line);
        }

        logger.LogError("Preview '{Name}' alert {Incident}: {Code}: {Message}", runtime.Name, message.IncidentId, message.Code, message.Message);
    }

    private Task PublishStateAsync(PreviewEnvironmentResource environment, IReadOnlyList<Incident> open)
    {
        var state = open.Count == 0
            ? new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success)
            : new ResourceStateSnapshot(open.Count == 1 ? "1 alert" : $"{open.Count} alerts", KnownResourceStateStyles.Error);
        var summary = open.Count == 0 ? "none" : string.Join("; ", open.Select(incident => $"{AlertMessage.CodeOf(incident.Problem.Kind)} {incident.Resource} {incident.Problem.Summary}"));
        return notifications.PublishUpdateAsync(environment, snapshot => snapshot with
        {
            State = state,
            Properties = snapshot.Properties.RemoveAll(p => p.Name == AlertsProperty).Add(new ResourcePropertySnapshot(AlertsProperty, summary)),
        });
    }

    private static AlertEntry Entry(Incident incident) =>
        new(AlertMessage.AlertKind, incident.Id, AlertMessage.CodeOf(incident.Problem.Kind), incident.Resource, TitleOf(incident), incident.OpenedAt);

    // A check's summary is its whole failure; the headline only says that one fails.
    private static string TitleOf(Incident incident) => incident.Problem.Kind == ProblemKind.CheckFailing
        ? $"{incident.Resource} fails a check"
        : $"{incident.Resource} {incident.Problem.Summary}";
}
