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
}
