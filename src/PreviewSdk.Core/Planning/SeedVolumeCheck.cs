using System.Globalization;
using PreviewSdk.Core.Arithmetic;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Planning;

/// <summary>
/// Checks that no row count of a <c>seed:</c> entry, times the largest scale any profile gives it (the entry's
/// <c>scale:</c> for the profile × the profile's <c>scale:</c> of the database's server), exceeds
/// <see cref="ManifestBounds.MaximumScaledRows"/>: each factor alone is in range, but 1,000,000,000 rows × 10,000 ×
/// 10,000 is a seeding that would run for years. Reported at the row count, naming the profile.
/// </summary>
internal static class SeedVolumeCheck
{
    public static void Report(PreviewManifest manifest, SeedEntry entry, string server, DiagnosticBag diagnostics)
    {
        var (profile, factor) = LargestScale(manifest, entry, server);
        var counts = new List<(Located<long>? Rows, string Path)> { (entry.Rows, $"seed.{entry.Database.Value}.rows") };
        counts.AddRange(entry.Tables.Select(table => (table.Rows, $"seed.{entry.Database.Value}.tables.{table.Table.Value}")));
        foreach (var (rows, path) in counts)
        {
            if (rows is not { } count || Saturating.RoundToCount(count.Value * factor) <= ManifestBounds.MaximumScaledRows)
            {
                continue;
            }

            diagnostics.Error(DiagnosticCodes.InvalidValue, count.Location, path, count.Value.ToString(CultureInfo.InvariantCulture),
                DiagnosticFactory.Format("Text.Rule.ScaledRows",
                    ManifestBounds.MaximumScaledRows.ToString(CultureInfo.InvariantCulture),
                    count.Value.ToString(CultureInfo.InvariantCulture),
                    factor.ToString("0.####", CultureInfo.InvariantCulture),
                    profile));
        }
    }

    // Every profile preview.yaml can run with; a profile that does not resolve (an extends: cycle, reported
    // elsewhere) counts with its own factor only.
    private static (string Profile, double Factor) LargestScale(PreviewManifest manifest, SeedEntry entry, string server)
    {
        var largest = (Profile: ProfileCatalog.Lightweight, Factor: 1.0);
        foreach (var name in ProfileCatalog.Names(manifest))
        {
            var own = entry.Scale.FirstOrDefault(scale => scale.Profile.Value == name)?.Factor.Value ?? 1;
            var factor = own * (ProfileCatalog.Resolve(manifest, name)?.ScaleOf(server) ?? 1);
            if (factor > largest.Factor)
            {
                largest = (name, factor);
            }
        }

        return largest;
    }
}
