namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Reads webhook addresses and formats: <c>alerts.webhooks</c> of preview.yaml and the <c>PreviewAlertWebhook</c>
/// property share the rules.
/// </summary>
public static class WebhookAddress
{
    /// <summary>The names of the formats, as written in preview.yaml.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = ["json", "slack"];

    /// <summary>Whether <paramref name="text"/> is an absolute http or https address with a host.</summary>
    public static bool IsValidUrl(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    /// <summary>The format named <paramref name="name"/> (<c>json</c>, <c>slack</c>), or null for another name.</summary>
    public static WebhookFormat? ParseFormat(string? name) => name switch
    {
        "json" => WebhookFormat.Json,
        "slack" => WebhookFormat.Slack,
        _ => null,
    };

    /// <summary>
    /// The format a webhook without <c>format:</c> gets: <c>slack</c> for Slack's own addresses
    /// (<c>hooks.slack.com</c>), else <c>json</c>.
    /// </summary>
    public static WebhookFormat DefaultFormatOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase)
            ? WebhookFormat.Slack
            : WebhookFormat.Json;

    /// <summary>
    /// Reads the <c>PreviewAlertWebhook</c> property: an address, optionally preceded by its format and a colon
    /// (<c>slack:https://chat.example/hooks/1</c>, <c>json:https://…</c>); without one, <see cref="DefaultFormatOf"/>.
    /// Null when it is not one.
    /// </summary>
    public static WebhookEntry? ParseProperty(string text, Diagnostics.SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        var prefix = FormatNames.FirstOrDefault(name => value.StartsWith(name + ":", StringComparison.Ordinal) && IsValidUrl(value[(name.Length + 1)..]));
        var url = prefix is null ? value : value[(prefix.Length + 1)..];
        if (!IsValidUrl(url))
        {
            return null;
        }

        var format = prefix is null ? DefaultFormatOf(url) : ParseFormat(prefix)!.Value;
        return new WebhookEntry(new Located<string>(url, location), format);
    }
}
