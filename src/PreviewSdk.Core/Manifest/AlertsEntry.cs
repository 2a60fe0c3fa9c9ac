using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>The <c>alerts:</c> section: where alerts go and when error logs count as an incident.</summary>
/// <param name="Location">Where the <c>alerts:</c> key is written.</param>
public sealed record AlertsEntry(SourceLocation Location)
{
    /// <summary>Error logs of one service within <see cref="DefaultErrorWindow"/> above which it alerts, unless set.</summary>
    public const int DefaultErrorThreshold = 10;

    /// <summary>The window error logs are counted in, unless set.</summary>
    public static TimeSpan DefaultErrorWindow { get; } = TimeSpan.FromMinutes(1);

    /// <summary>The shortest <c>errors.window</c> allowed.</summary>
    public static TimeSpan MinimumErrorWindow { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest <c>errors.window</c> allowed.</summary>
    public static TimeSpan MaximumErrorWindow { get; } = TimeSpan.FromHours(1);

    /// <summary>The webhooks alerts are posted to, in file order.</summary>
    public IReadOnlyList<WebhookEntry> Webhooks { get; init; } = [];

    /// <summary>More than this many error logs of one service within <see cref="ErrorWindow"/> is an incident.</summary>
    public int ErrorThreshold { get; init; } = DefaultErrorThreshold;

    /// <summary>The sliding window error logs are counted in.</summary>
    public TimeSpan ErrorWindow { get; init; } = DefaultErrorWindow;
}

/// <summary>One webhook of <c>alerts.webhooks</c>, or the one <c>-p:PreviewAlertWebhook=</c> adds.</summary>
/// <param name="Url">The absolute http(s) address alerts are posted to.</param>
/// <param name="Format">The body's format.</param>
public sealed record WebhookEntry(Located<string> Url, WebhookFormat Format);

/// <summary>The body an alert is posted with.</summary>
public enum WebhookFormat
{
    /// <summary>A JSON document with every field of the alert, for tools.</summary>
    Json,

    /// <summary>A Slack incoming-webhook message (<c>text</c> and <c>blocks</c>), also read by Mattermost and others.</summary>
    Slack,
}
