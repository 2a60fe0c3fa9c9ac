using System.Globalization;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>
/// A regular expression from a CHECK (<c>code ~ '^[A-Z]{3}$'</c>) that the seeder can generate matching strings
/// for: a sequence of literal characters and character classes (<c>[A-Z0-9_-]</c>, <c>\d</c>, <c>\w</c>, <c>.</c>),
/// each with a quantifier (<c>{n}</c>, <c>{n,}</c>, <c>{n,m}</c>, <c>+</c>, <c>*</c>, <c>?</c>), optionally anchored.
/// Groups, alternation, negated classes and POSIX classes are beyond it: <see cref="TryParse"/> says so and the
/// column needs an override. A string generated for the anchored form also matches the unanchored one.
/// </summary>
internal sealed class SimplePattern
{
    // How far past its minimum an open quantifier (+, *, {n,}) grows when generating at random.
    private const int OpenGrowth = 8;
    private const string AnyCharacter = "abcdefghijklmnopqrstuvwxyz";
    private readonly Segment[] segments;

    private SimplePattern(Segment[] segments) => this.segments = segments;

    /// <summary>The fewest characters a match has.</summary>
    public int MinLength { get; private set; }

    /// <summary>The most characters a match has, or null when a quantifier is open.</summary>
    public int? MaxLength { get; private set; }

    /// <summary>Parses the supported subset, or returns null.</summary>
    public static SimplePattern? TryParse(string pattern)
    {
        var segments = new List<Segment>();
        var i = 0;
        if (pattern.StartsWith('^'))
        {
            i++;
        }

        var end = pattern.Length;
        if (end > i && pattern[end - 1] == '$' && (end < 2 || pattern[end - 2] != '\\'))
        {
            end--;
        }

        while (i < end)
        {
            if (ReadAtom(pattern, ref i, end) is not { } alphabet || !ReadQuantifier(pattern, ref i, end, out var min, out var max))
            {
                return null;
            }

            segments.Add(new Segment(alphabet, min, max));
        }

        var result = new SimplePattern([.. segments]);
        result.MinLength = segments.Sum(s => s.Min);
        result.MaxLength = segments.Any(s => s.Max is null) ? null : segments.Sum(s => s.Max!.Value);
        return result;
    }

    /// <summary>A random match whose length is within [<paramref name="minLength"/>, <paramref name="maxLength"/>] where the pattern allows.</summary>
    public string Generate(ref CellRandom random, int minLength, int maxLength)
    {
        Span<int> counts = segments.Length <= 32 ? stackalloc int[segments.Length] : new int[segments.Length];
        var total = 0;
        for (var s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            counts[s] = (int)random.Between(segment.Min, segment.Max ?? segment.Min + OpenGrowth);
            total += counts[s];
        }

        // Shrink or grow the variable segments until the length fits what the column allows.
        for (var s = segments.Length - 1; s >= 0 && total > maxLength; s--)
        {
            var cut = Math.Min(counts[s] - segments[s].Min, total - maxLength);
            counts[s] -= cut;
            total -= cut;
        }

        for (var s = 0; s < segments.Length && total < minLength; s++)
        {
            var room = (segments[s].Max ?? int.MaxValue) - counts[s];
            var add = Math.Min(room, minLength - total);
            counts[s] += add;
            total += add;
        }

        Span<char> buffer = total <= 256 ? stackalloc char[total] : new char[total];
        var at = 0;
        for (var s = 0; s < segments.Length; s++)
        {
            var alphabet = segments[s].Alphabet;
            for (var k = 0; k < counts[s]; k++)
            {
                buffer[at++] = alphabet[random.Next(alphabet.Length)];
            }
        }

        return new string(buffer);
    }

    /// <summary>
    /// Fixed segment lengths that give at least <paramref name="needed"/> distinct matches within
    /// <paramref name="maxLength"/>, and the number of matches they give; null lengths when impossible.
    /// </summary>
    public (int[]? Counts, long Capacity) CountsFor(long needed, int minLength, int maxLength)
    {
        var counts = segments.Select(s => s.Min).ToArray();
        var total = counts.Sum();
        while (total < minLength && Grow(counts, ref total))
        {
        }

        var capacity = Capacity(counts);
        while (capacity < needed && total < maxLength && Grow(counts, ref total))
        {
            capacity = Capacity(counts);
        }

        return total > maxLength || total < minLength || capacity < needed ? (null, capacity) : (counts, capacity);
    }

    /// <summary>The match number <paramref name="index"/> (below the capacity of <paramref name="counts"/>): distinct indexes give distinct strings.</summary>
    public string Enumerate(int[] counts, long index)
    {
        var length = counts.Sum();
        return string.Create(length, (this, counts, index), static (span, state) =>
        {
            var (pattern, fixedCounts, remaining) = state;
            var at = span.Length - 1;
            for (var s = pattern.segments.Length - 1; s >= 0; s--)
            {
                var alphabet = pattern.segments[s].Alphabet;
                for (var k = 0; k < fixedCounts[s]; k++)
                {
                    span[at--] = alphabet[(int)(remaining % alphabet.Length)];
                    remaining /= alphabet.Length;
                }
            }
        });
    }

    private bool Grow(int[] counts, ref int total)
    {
        // Lengthen the open or widest variable segment with the largest alphabet: the most new strings per character.
        var best = -1;
        for (var s = 0; s < segments.Length; s++)
        {
            if (counts[s] < (segments[s].Max ?? int.MaxValue) && (best < 0 || segments[s].Alphabet.Length > segments[best].Alphabet.Length))
            {
                best = s;
            }
        }

        if (best < 0)
        {
            return false;
        }

        counts[best]++;
        total++;
        return true;
    }

    private long Capacity(int[] counts)
    {
        var capacity = 1L;
        for (var s = 0; s < segments.Length; s++)
        {
            for (var k = 0; k < counts[s]; k++)
            {
                if (capacity > long.MaxValue / segments[s].Alphabet.Length)
                {
                    return long.MaxValue;
                }

                capacity *= segments[s].Alphabet.Length;
            }
        }

        return capacity;
    }

    private static string? ReadAtom(string pattern, ref int i, int end)
    {
        var c = pattern[i++];
        switch (c)
        {
            case '.':
                return AnyCharacter;
            case '[':
                return ReadClass(pattern, ref i, end);
            case '\\':
                return i < end ? Escape(pattern[i++]) : null;
            case '(' or ')' or '|' or '^' or '$' or '*' or '+' or '?' or '{' or '}':
                return null;
            default:
                return c.ToString();
        }
    }

    private static string? Escape(char c) => c switch
    {
        'd' => "0123456789",
        'w' => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
        's' => " ",
        _ when char.IsLetterOrDigit(c) => null,
        _ => c.ToString(),
    };

    private static string? ReadClass(string pattern, ref int i, int end)
    {
        if (i < end && pattern[i] == '^')
        {
            return null;
        }

        var members = new SortedSet<char>();
        var first = true;
        while (i < end && (pattern[i] != ']' || first))
        {
            first = false;
            char from;
            if (pattern[i] == '[')
            {
                return null;
            }

            if (pattern[i] == '\\' && i + 1 < end)
            {
                if (Escape(pattern[i + 1]) is not { } escaped)
                {
                    return null;
                }

                i += 2;
                if (escaped.Length > 1)
                {
                    members.UnionWith(escaped);
                    continue;
                }

                from = escaped[0];
            }
            else
            {
                from = pattern[i++];
            }

            if (i + 1 < end && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                var to = pattern[i + 1];
                i += 2;
                if (to < from)
                {
                    return null;
                }

                for (var x = from; x <= to; x++)
                {
                    members.Add(x);
                }
            }
            else
            {
                members.Add(from);
            }
        }

        if (i >= end || members.Count == 0)
        {
            return null;
        }

        i++;
        return string.Concat(members);
    }

    private static bool ReadQuantifier(string pattern, ref int i, int end, out int min, out int? max)
    {
        (min, max) = (1, 1);
        if (i >= end)
        {
            return true;
        }

        switch (pattern[i])
        {
            case '+':
                (min, max) = (1, null);
                i++;
                return true;
            case '*':
                (min, max) = (0, null);
                i++;
                return true;
            case '?':
                (min, max) = (0, 1);
                i++;
                return true;
            case '{':
                var close = pattern.IndexOf('}', i);
                if (close < 0 || close >= end)
                {
                    return false;
                }

                var body = pattern[(i + 1)..close].Split(',');
                i = close + 1;
                if (!int.TryParse(body[0], NumberStyles.None, CultureInfo.InvariantCulture, out min) || min < 0 || body.Length > 2)
                {
                    return false;
                }

                if (body.Length == 1)
                {
                    max = min;
                    return true;
                }

                if (body[1].Length == 0)
                {
                    max = null;
                    return true;
                }

                max = int.TryParse(body[1], NumberStyles.None, CultureInfo.InvariantCulture, out var upper) && upper >= min ? upper : -1;
                return max >= 0;
            default:
                return true;
        }
    }

    private sealed record Segment(string Alphabet, int Min, int? Max);
}
