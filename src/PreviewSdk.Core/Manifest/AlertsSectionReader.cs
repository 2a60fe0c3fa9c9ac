using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Reads the <c>alerts:</c> section of preview.yaml: the webhooks alerts are posted to and the error-log threshold.
/// </summary>
internal static class AlertsSectionReader
{
    private static readonly string[] AlertKeys = ["webhooks", "errors"];
    private static readonly string[] WebhookKeys = ["url", "format"];
    private static readonly string[] ErrorKeys = ["threshold", "window"];

    public static AlertsEntry Read(ManifestNodeReader reader, Located<string> key, ManifestNode body, string path)
    {
        var entry = new AlertsEntry(key.Location);
        foreach (var (name, value) in reader.ReadMap(body, path, AlertKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, name.Value);
            entry = name.Value switch
            {
                "webhooks" => entry with { Webhooks = ReadWebhooks(reader, value, keyPath) },
                _ => ReadErrors(reader, value, keyPath, entry),
            };
        }

        return entry;
    }

    private static List<WebhookEntry> ReadWebhooks(ManifestNodeReader reader, ManifestNode value, string path)
    {
        var webhooks = new List<WebhookEntry>();
        if (value is ManifestScalar { IsNull: true })
        {
            return webhooks;
        }

        if (value is not ManifestSequence sequence)
        {
            reader.ReportWrongType(value, path, "Text.Shape.List");
            return webhooks;
        }

        foreach (var (item, index) in sequence.Items.Select((item, index) => (item, index)))
        {
            if (ReadWebhook(reader, item, $"{path}[{index}]") is { } webhook)
            {
                webhooks.Add(webhook);
            }
        }

        return webhooks;
    }

    // An entry is a map with url: and format:, or the address alone.
    private static WebhookEntry? ReadWebhook(ManifestNodeReader reader, ManifestNode item, string path)
    {
        if (item is ManifestScalar { IsNull: false } address)
        {
            return ReadUrl(reader, address, path) is { } url ? new WebhookEntry(url, WebhookAddress.DefaultFormatOf(url.Value)) : null;
        }

        Located<string>? urlValue = null;
        WebhookFormat? format = null;
        var valid = true;
        foreach (var (key, value) in reader.ReadMap(item, path, WebhookKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, key.Value);
            if (key.Value == "url")
            {
                urlValue = ReadUrl(reader, value, keyPath);
                valid &= urlValue is not null;
            }
            else if (reader.ReadText(value, keyPath) is { } name)
            {
                format = WebhookAddress.ParseFormat(name.Value);
                if (format is null)
                {
                    reader.Diagnostics.Error(DiagnosticCodes.WebhookFormatUnknown, name.Location, keyPath, name.Value, DiagnosticFactory.NameList(WebhookAddress.FormatNames));
                    valid = false;
                }
            }
        }

        if (urlValue is null)
        {
            if (valid && item is ManifestMapping)
            {
                reader.Diagnostics.Error(DiagnosticCodes.MissingRequiredKey, item.Location, path, "url", "https://hooks.slack.com/services/…");
            }

            return null;
        }

        return valid ? new WebhookEntry(urlValue.Value, format ?? WebhookAddress.DefaultFormatOf(urlValue.Value.Value)) : null;
    }

    private static Located<string>? ReadUrl(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } url)
        {
            return null;
        }

        if (!WebhookAddress.IsValidUrl(url.Value))
        {
            reader.Diagnostics.Error(DiagnosticCodes.WebhookUrlInvalid, url.Location, keyPath, url.Value);
            return null;
        }

        return url with { Value = url.Value.Trim() };
    }

    private static AlertsEntry ReadErrors(ManifestNodeReader reader, ManifestNode value, string path, AlertsEntry entry)
    {
        foreach (var (key, setting) in reader.ReadMap(value, path, ErrorKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, key.Value);
            if (key.Value == "threshold")
            {
                entry = reader.ReadPositiveInteger(setting, keyPath, int.MaxValue, "Text.Rule.Environments") is { } threshold ? entry with { ErrorThreshold = threshold.Value } : entry;
            }
            else
            {
                var window = ChecksSectionReader.ReadDuration(reader, setting, keyPath, AlertsEntry.MinimumErrorWindow, AlertsEntry.MaximumErrorWindow, DiagnosticCodes.ErrorWindowInvalid);
                entry = window is { } duration ? entry with { ErrorWindow = duration } : entry;
            }
        }

        return entry;
    }
}
