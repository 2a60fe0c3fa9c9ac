using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Observability.Alerts;

namespace Aspire.Hosting;

/// <summary>Alerts of a preview environment: incidents noticed on its own, announced in the dashboard and to webhooks.</summary>
public static class PreviewAlertsBuilderExtensions
{
    /// <summary>
    /// Watches the environment from the moment it is ready and raises an alert when a resource crashes or exits, turns
    /// unhealthy, fails a synthetic check, or logs more errors than preview.yaml's <c>alerts.errors</c> allows (counted
    /// from the telemetry the services send to the dashboard); one alert per incident, and a recovery message once it is
    /// healthy again. Alerts show as the state and log of the resource <see cref="PreviewEnvironmentResource.DefaultName"/>,
    /// in <c>alerts.json</c> (<c>-t:PreviewList</c>), and are posted to preview.yaml's <c>alerts.webhooks</c> and the run's
    /// <c>PreviewAlertWebhook</c> (<see cref="PreviewVariables.AlertWebhook"/>), with retries; a webhook that fails never
    /// stops the environment. The resource has the dashboard commands Extend time to live (what <c>-t:PreviewExtend</c>
    /// does) and Run all checks. A second call returns the same resource.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="manifestPath">preview.yaml, relative to the app host's folder unless absolute; without it, no webhooks but the run's.</param>
    /// <exception cref="DistributedApplicationException">preview.yaml has an error, or PREVIEW_ALERT_WEBHOOK is no webhook (PREVIEW1121).</exception>
    public static IResourceBuilder<PreviewEnvironmentResource> AddPreviewAlerts(this IDistributedApplicationBuilder builder, string manifestPath = "preview.yaml")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        if (builder.Resources.OfType<PreviewEnvironmentResource>().FirstOrDefault() is { } existing)
        {
            return builder.CreateResourceBuilder(existing);
        }

        builder.AddPreviewEnvironment();
        var manifest = PreviewManifestFile.Read(PreviewManifestFile.Resolve(builder, manifestPath));
        var settings = manifest.Alerts ?? new AlertsEntry(SourceLocation.WholeFile(manifest.Path));
        settings = settings with { Webhooks = [.. settings.Webhooks, .. RunWebhook()] };
        var runtime = builder.GetPreviewRuntime();
        var resource = new PreviewEnvironmentResource(PreviewEnvironmentResource.DefaultName, settings);

        builder.Services.AddSingleton<AlertDispatcher>();
        builder.Services.AddSingleton<AlertMonitor>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, cancellationToken) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var dispatcher = e.Services.GetRequiredService<AlertDispatcher>();
            var outbox = new AlertOutbox(settings.Webhooks, new WebhookSender(
                new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, RetryPolicy.Default, diagnostic => dispatcher.Note(resource, diagnostic)));
            dispatcher.Outbox = outbox;
            _ = outbox.RunAsync(stopping);
            _ = e.Services.GetRequiredService<AlertMonitor>().RunAsync(resource, stopping);
            return Task.CompletedTask;
        });
        var environment = builder.AddResource(resource)
            .WithIconName("Alert")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "Preview",
                // Running from the start, so the environment's readiness never waits for it.
                State = new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
                Properties =
                [
                    new("preview.environment", runtime.Name),
                    new("preview.profile", runtime.Profile),
                    new("preview.webhooks", settings.Webhooks.Count == 0 ? "none" : string.Join(", ", settings.Webhooks.Select(w => $"{w.Format.ToString().ToLowerInvariant()} {WebhookSender.Redacted(w.Url.Value)}"))),
                    new("preview.errors", $"more than {settings.ErrorThreshold} per {PreviewSdk.Core.Profiles.DurationText.Format(settings.ErrorWindow)}"),
                    new(AlertDispatcher.AlertsProperty, "none"),
                ],
            })
            .ExcludeFromManifest();
        EnvironmentCommands.Add(environment);
        return environment;
    }

    // The build checked the property (PREVIEW1121); an app host started by hand with a bad one fails the same way.
    private static IEnumerable<WebhookEntry> RunWebhook()
    {
        if (System.Environment.GetEnvironmentVariable(PreviewVariables.AlertWebhook) is not { Length: > 0 } text)
        {
            return [];
        }

        return WebhookAddress.ParseProperty(text, SourceLocation.WholeFile(PreviewVariables.AlertWebhook)) is { } webhook
            ? [webhook]
            : throw PreviewHostingException.Create(DiagnosticCodes.AlertWebhookPropertyInvalid, text);
    }
}
