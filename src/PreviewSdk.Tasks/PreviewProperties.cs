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

    public static bool TryReadTemplateRetention(PreviewTask task, string text, string projectPath, out TimeSpan value)
    {
        value = Core.Templates.TemplateStore.DefaultRetention;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Core.Profiles.DurationText.TryParse(text, out var duration) && duration > TimeSpan.Zero && duration <= Core.Profiles.DurationText.Maximum)
        {
            value = duration;
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), "PreviewTemplateRetention", text, "a duration such as 7d, 12h or 30m (units d, h, m, s; at most 365d)"));
        return false;
    }

    public static bool TryReadTemplatesPerServer(PreviewTask task, string text, string projectPath, out int value)
    {
        if (Core.Templates.TemplateStore.TryParsePerServer(text, out value))
        {
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), "PreviewTemplatesPerServer", text,
            $"a whole number from 1 to {Core.Templates.TemplateStore.MaximumPerServer}"));
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

    public static bool TryReadContainerRegistry(PreviewTask task, string text, string projectPath, out string? registry)
    {
        registry = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (registry is null || Core.Containers.ImageReference.IsValidRegistry(registry))
        {
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), "PreviewContainerRegistry", text,
            "a registry host with an optional port and path, without scheme (e.g. mirror.example.com, localhost:5000, or localhost for images built into the engine)"));
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

    /// <summary>The values of <c>PreviewServiceLauncher</c> (<c>direct</c> is the default); matched ignoring case, as MSBuild compares.</summary>
    public static IReadOnlyList<string> ServiceLaunchers { get; } = ["direct", "dotnet-run"];

    // A mistyped launcher (dotnet_run, run) used to mean direct without a word; the targets run the check only for a
    // value outside ServiceLaunchers, so a valid one costs no task.
    public static bool CheckServiceLauncher(PreviewTask task, string text, string projectPath)
    {
        if (string.IsNullOrWhiteSpace(text) || ServiceLaunchers.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), "PreviewServiceLauncher", text, "direct or dotnet-run"));
        return false;
    }

    public static bool TryReadPullRequest(PreviewTask task, string text, string projectPath, out int? pullRequest)
    {
        pullRequest = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        // A leading '#' is how people write a pull request; accepted rather than refused.
        if (int.TryParse(text.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            pullRequest = number;
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), "PreviewPullRequest", text, "a pull request number (e.g. 42)"));
        return false;
    }

    // A string parameter rather than a bool, so a wrong value is PREVIEW1019 rather than MSBuild's MSB4030.
    public static bool TryReadSwitch(PreviewTask task, string property, string text, string projectPath, out bool value, bool defaultValue = false)
    {
        value = defaultValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (bool.TryParse(text.Trim(), out value))
        {
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), property, text, "true or false"));
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
