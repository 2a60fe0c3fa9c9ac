using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Observability.Alerts;

/// <summary>
/// The body an alert is posted with, per webhook format: every field as JSON for a tool, or a Slack incoming-webhook
/// message (<c>text</c> for notifications, <c>blocks</c> for the message) that Mattermost and Rocket.Chat also read.
/// </summary>
public static class AlertPayloads
{
    // Slack cuts a section's text at 3000 characters and a header at 150.
    private const int SlackSectionLimit = 2900;
    private const int SlackHeaderLimit = 150;

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>The body of <paramref name="message"/> for a webhook of <paramref name="format"/>.</summary>
    public static string Render(AlertMessage message, WebhookFormat format) =>
        (format == WebhookFormat.Slack ? Slack(message) : Json(message)).ToJsonString(Options);

    /// <summary>Every field of the message, names in camelCase.</summary>
    public static JsonObject Json(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject
        {
            ["kind"] = message.Kind,
            ["incident"] = message.IncidentId,
            ["code"] = message.Code,
            ["environment"] = message.Environment,
            ["app"] = message.App,
            ["profile"] = message.Profile,
            ["resource"] = message.Resource,
            ["title"] = message.Title,
            ["message"] = message.Message,
            ["details"] = new JsonArray([.. message.Details.Select(line => JsonValue.Create(line))]),
            ["logLines"] = new JsonArray([.. message.LogLines.Select(line => JsonValue.Create(line))]),
            ["openedAt"] = message.OpenedAt.ToString("O", CultureInfo.InvariantCulture),
            ["resolvedAt"] = message.ResolvedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["links"] = new JsonObject
            {
                ["dashboard"] = message.Links.Dashboard,
                ["directory"] = message.Links.Directory,
                ["services"] = new JsonObject(message.Links.Services.Select(service => new KeyValuePair<string, JsonNode?>(service.Key, service.Value))),
            },
        };
    }

    /// <summary>A Slack message: a header, the coded message, details and log lines as code, then the links.</summary>
    public static JsonObject Slack(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var where = $"preview `{message.Environment}` ({message.App}, {message.Profile})";
        var headline = message.IsRecovery
            ? $":white_check_mark: {message.Title} in preview {message.Environment}"
            : $":rotating_light: {message.Title} in preview {message.Environment}";
        var blocks = new JsonArray
        {
            Block("header", PlainText(Cut(headline, SlackHeaderLimit))),
            Block("section", Markdown(Cut(message.IsRecovery
                ? $"*{message.Resource}* in {where} is healthy again after {Duration(message)}. Incident {message.IncidentId} ({message.Code}) is closed."
                : $"*{message.Code}* in {where}: {message.Message}", SlackSectionLimit))),
        };
        if (message.Details.Count > 0)
        {
            blocks.Add(Block("section", Markdown(Cut(string.Join('\n', message.Details.Select(line => "• " + line)), SlackSectionLimit))));
        }

        if (message.LogLines.Count > 0)
        {
            blocks.Add(Block("section", Markdown($"*Last log lines of {message.Resource}*\n```{CutFromStart(string.Join('\n', message.LogLines), SlackSectionLimit - 60)}```")));
        }

        if (Links(message.Links) is { Length: > 0 } links)
        {
            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Markdown(links)) });
        }

        return new JsonObject
        {
            // The notification text, and what clients without blocks show.
            ["text"] = $"{headline}: {(message.IsRecovery ? $"healthy again after {Duration(message)}" : message.Message)}",
            ["blocks"] = blocks,
        };
    }

    private static string Links(AlertLinks links)
    {
        var parts = new List<string>();
        if (links.Dashboard.Length > 0)
        {
            parts.Add($"<{links.Dashboard}|Dashboard>");
        }

        if (links.Directory is { Length: > 0 } directory)
        {
            parts.Add($"<{directory}|All links>");
        }

        parts.AddRange(links.Services.Select(service => $"<{service.Value}|{service.Key}>"));
        return string.Join(" · ", parts);
    }

    private static string Duration(AlertMessage message) =>
        Core.Environments.EnvironmentListRenderer.Age((message.ResolvedAt ?? message.OpenedAt) - message.OpenedAt);

    private static JsonObject Block(string type, JsonObject text) => new() { ["type"] = type, ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";

    // Of a log, the end matters most.
    private static string CutFromStart(string text, int limit) => text.Length <= limit ? text : "…" + text[^(limit - 1)..];
}
