using System.Globalization;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Reads a profile's <c>restart:</c>: <c>never</c>, or a map <c>{ attempts: 5, backoff: 1s }</c> where
/// <c>attempts</c> is 0 to 1000 or <c>unlimited</c> and <c>backoff</c> a duration from 1s to 1h; a key left out keeps
/// the inherited value.
/// </summary>
internal static class RestartSectionReader
{
    private static readonly RestartEntry Nothing = new(false, null, null, default);

    private static readonly string[] Keys = ["attempts", "backoff"];
    private static readonly TimeSpan MaximumBackoff = TimeSpan.FromHours(1);

    public static RestartEntry? Read(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (value is ManifestScalar { IsNull: false, IsPlain: true, Value: "never" } never)
        {
            return new RestartEntry(true, 0, null, never.Location);
        }

        if (value is ManifestScalar { IsNull: false } other)
        {
            reader.ReportInvalidValue(other, keyPath, DiagnosticFactory.Format("Text.Rule.Restart"));
            return null;
        }

        var entry = Nothing with { Location = value.Location };
        var valid = true;
        foreach (var (key, setting) in reader.ReadMap(value, keyPath, Keys))
        {
            var settingPath = ManifestNodeReader.Child(keyPath, key.Value);
            if (key.Value == "attempts")
            {
                valid &= TryReadAttempts(reader, setting, settingPath, ref entry);
            }
            else
            {
                valid &= TryReadBackoff(reader, setting, settingPath, ref entry);
            }
        }

        return valid ? entry : null;
    }

    private static bool TryReadAttempts(ManifestNodeReader reader, ManifestNode node, string keyPath, ref RestartEntry entry)
    {
        if (node is ManifestScalar { IsPlain: true, Value: "unlimited" })
        {
            entry = entry with { SetsAttempts = true, Attempts = null };
            return true;
        }

        if (node is not ManifestScalar { IsNull: false, IsPlain: true } scalar)
        {
            reader.ReportWrongType(node, keyPath, "Text.Shape.Integer");
            return false;
        }

        if (!int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) || attempts > RestartPolicy.MaximumAttempts)
        {
            reader.ReportInvalidValue(scalar, keyPath, DiagnosticFactory.Format("Text.Rule.RestartAttempts", RestartPolicy.MaximumAttempts));
            return false;
        }

        entry = entry with { SetsAttempts = true, Attempts = attempts };
        return true;
    }

    private static bool TryReadBackoff(ManifestNodeReader reader, ManifestNode node, string keyPath, ref RestartEntry entry)
    {
        if (reader.ReadText(node, keyPath) is not { } text)
        {
            return false;
        }

        if (!DurationText.TryParse(text.Value, out var backoff) || backoff < RestartPolicy.MinimumBackoff || backoff > MaximumBackoff)
        {
            reader.ReportInvalidValue((ManifestScalar)node, keyPath, DiagnosticFactory.Format("Text.Rule.RestartBackoff"));
            return false;
        }

        entry = entry with { Backoff = backoff };
        return true;
    }
}

/// <summary>A profile's <c>restart:</c> as written: only what it sets, laid over the inherited policy.</summary>
/// <param name="SetsAttempts">Whether <c>attempts</c> (or <c>never</c>) is written.</param>
/// <param name="Attempts">The attempts written: null for <c>unlimited</c>.</param>
/// <param name="Backoff">The <c>backoff</c> written, or null.</param>
/// <param name="Location">Where <c>restart:</c>'s value is.</param>
public sealed record RestartEntry(bool SetsAttempts, int? Attempts, TimeSpan? Backoff, SourceLocation Location)
{
    /// <summary>The policy <paramref name="inherited"/> becomes with this entry's settings.</summary>
    /// <param name="inherited">The policy of the profile it extends (or the built-in one).</param>
    public RestartPolicy ApplyTo(RestartPolicy inherited)
    {
        ArgumentNullException.ThrowIfNull(inherited);
        return new RestartPolicy(SetsAttempts ? Attempts : inherited.Attempts, Backoff ?? inherited.Backoff);
    }
}
