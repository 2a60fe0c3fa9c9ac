using PreviewSdk.Core.Manifest;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The environment itself, as a resource of the dashboard: its state says whether an alert is open, its log lists
/// every alert and delivery, and its commands act on the whole environment (extend the time to live, run every check).
/// </summary>
public sealed class PreviewEnvironmentResource : Resource
{
    /// <summary>The resource's name in the dashboard.</summary>
    public const string DefaultName = "environment";

    internal PreviewEnvironmentResource(string name, AlertsEntry alerts)
        : base(name)
    {
        Alerts = alerts;
    }

    /// <summary>The alert settings: preview.yaml's <c>alerts:</c>, with the run's <c>PreviewAlertWebhook</c> among the webhooks.</summary>
    public AlertsEntry Alerts { get; }
}
