using System.Globalization;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Tasks;

/// <summary>Validates the properties users set on the command line (PREVIEW1019).</summary>
internal static class PreviewProperties
{
    public const string DefaultProfile = Core.Profiles.ProfileCatalog.Lightweight;

    public static bool TryReadSeconds(PreviewTask task, string property, string text, string projectPath, out TimeSpan value)
    {
        value = TimeSpan.FromSeconds(120);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86400)
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), property, text, "a number of seconds between 1 and 86400 (e.g. 300)"));
        return false;
    }

    public static bool TryReadTimeToLive(PreviewTask task, string text, string projectPath, out TimeSpan? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        // Seconds are allowed here (a short-lived environment for a demo or a test); a profile's ttl starts at 1m.
        if (Core.Profiles.DurationText.TryParse(text, out var duration) && duration > TimeSpan.Zero && duration <= Core.Profiles.DurationText.Maximum)
        {
            value = duration;
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), "PreviewTtl", text, "a duration such as 30m, 2h, 1h30m or 2d (units d, h, m, s; at most 365d)"));
        return false;
    }

    public static bool TryReadTeam(PreviewTask task, string text, string projectPath, out string? team)
    {
        team = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (team is null || Core.Manifest.ResourceName.IsValid(team))
        {
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), "PreviewTeam", text, "a team name of lowercase letters, digits and hyphens (e.g. shop)"));
        return false;
    }

    public static bool TryReadProfile(PreviewTask task, string text, string projectPath, out string profile)
    {
        profile = string.IsNullOrWhiteSpace(text) ? DefaultProfile : text.Trim();
        if (Core.Manifest.ResourceName.IsValid(profile))
        {
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), "PreviewProfile", text, "a profile name of lowercase letters, digits and hyphens (e.g. lightweight)"));
        return false;
    }

    public static bool TryReadAlertWebhook(PreviewTask task, string text, string projectPath, out string? webhook)
    {
        webhook = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (webhook is null || Core.Manifest.WebhookAddress.ParseProperty(webhook, SourceLocation.WholeFile(projectPath)) is not null)
        {
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.AlertWebhookPropertyInvalid, SourceLocation.WholeFile(projectPath), text));
        return false;
    }
}
