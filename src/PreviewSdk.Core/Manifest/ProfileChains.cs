using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Checks the <c>extends:</c> chains of the profiles: each parent exists (built in or defined), and no chain comes
/// back to where it started, so resolving a profile always ends.
/// </summary>
internal static class ProfileChains
{
    public static void Report(IReadOnlyList<ProfileEntry> profiles, DiagnosticBag diagnostics)
    {
        var defined = profiles.GroupBy(p => p.Name.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var known = ProfileCatalog.BuiltInNames.Concat(defined.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var profile in profiles)
        {
            if (profile.Extends is { } parent && !known.Contains(parent.Value, StringComparer.Ordinal))
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownProfileParent,
                    parent.Location,
                    profile.Name.Value,
                    parent.Value,
                    DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(parent.Value, known)),
                    DiagnosticFactory.NameList(known));
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            if (FindCycle(profile, defined) is { } cycle && reported.Add(string.Join(' ', cycle.Order(StringComparer.Ordinal))))
            {
                // The first profile of the cycle in the file carries the error, at its extends: value.
                var first = profiles.First(p => cycle.Contains(p.Name.Value));
                var start = cycle.IndexOf(first.Name.Value);
                var path = cycle.Skip(start).Concat(cycle.Take(start)).Append(first.Name.Value);
                diagnostics.Error(DiagnosticCodes.ProfileExtendsCycle, first.Extends!.Value.Location, string.Join(" → ", path));
            }
        }
    }

    /// <summary>The profiles of the cycle that the chain from <paramref name="profile"/> runs into, in chain order; null when it ends.</summary>
    private static List<string>? FindCycle(ProfileEntry profile, Dictionary<string, ProfileEntry> defined)
    {
        var chain = new List<string>();
        var current = profile;
        while (true)
        {
            var at = chain.IndexOf(current.Name.Value);
            if (at >= 0)
            {
                return chain.Skip(at).ToList();
            }

            chain.Add(current.Name.Value);
            if (current.Extends is not { } parent || !defined.TryGetValue(parent.Value, out var next))
            {
                return null;
            }

            current = next;
        }
    }
}
