namespace PreviewSdk.Core.Diagnostics;

/// <summary>
/// Finds the known name a mistyped one was most likely meant to be, for "Did you mean …?" hints.
/// </summary>
public static class SpellingSuggestion
{
    private const int MaxTypedLength = 256;

    /// <summary>
    /// The candidate closest to <paramref name="typed"/> by edit distance (ignoring case), or null when none is
    /// close enough to be a plausible typo: at most 2 edits, or a third of the longer name for long names.
    /// Ties go to the earlier candidate, so the hint is stable.
    /// </summary>
    /// <param name="typed">What the user wrote.</param>
    /// <param name="candidates">The names that would have been accepted.</param>
    public static string? FindClosest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);

        // No name is this long; the edit distance costs the product of the lengths, and a hostile key may be megabytes.
        if (typed.Length > MaxTypedLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        var lowered = typed.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            var allowed = Math.Max(2, Math.Max(typed.Length, candidate.Length) / 3);
            if (Math.Abs(typed.Length - candidate.Length) > allowed || candidate.Length > MaxTypedLength)
            {
                continue;
            }

            var distance = EditDistance(lowered, candidate.ToLowerInvariant());
            if (distance <= allowed && distance < bestDistance && !string.Equals(typed, candidate, StringComparison.Ordinal))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The Levenshtein distance: the fewest single-character inserts, deletes and substitutions.</summary>
    /// <param name="a">One string.</param>
    /// <param name="b">The other string.</param>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        // Two rows are enough: each row only looks at the one before it.
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
