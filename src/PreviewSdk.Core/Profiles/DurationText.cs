using System.Globalization;

namespace PreviewSdk.Core.Profiles;

/// <summary>
/// Durations as preview.yaml and the command line write them: whole numbers with a unit, largest first, e.g.
/// <c>8h</c>, <c>30m</c>, <c>2d</c>, <c>1h30m</c>, <c>500ms</c> (units d, h, m, s, ms).
/// </summary>
public static class DurationText
{
    /// <summary>The shortest time to live accepted.</summary>
    public static TimeSpan Minimum { get; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest time to live accepted (a longer-lived environment is one to mark as kept).</summary>
    public static TimeSpan Maximum { get; } = TimeSpan.FromDays(365);

    private static readonly (string Unit, TimeSpan Length)[] Units =
    [
        ("d", TimeSpan.FromDays(1)), ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    /// <summary>Reads <paramref name="text"/>; false when it is not a duration (any length).</summary>
    /// <param name="text">The text, e.g. <c>8h</c>.</param>
    /// <param name="duration">The duration.</param>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var rest = text.Trim().AsSpan();
        var nextUnit = 0;
        var seconds = 0.0;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            // Each part is a number and a unit; units come largest first and once each ("1h30m", never "30m1h").
            var unit = UnitAt(rest[digits..], nextUnit);
            if (digits == 0 || digits > 9 || unit < 0)
            {
                return false;
            }

            seconds += Units[unit].Length.TotalSeconds * int.Parse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            nextUnit = unit + 1;
            rest = rest[(digits + Units[unit].Unit.Length)..];
        }

        // Far beyond any sensible time to live, but within what TimeSpan holds.
        if (seconds > TimeSpan.FromDays(1_000_000).TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The text of <paramref name="duration"/> in the same form: <c>8h</c>, <c>1h30m</c>, <c>250ms</c>, <c>0s</c>.</summary>
    /// <param name="duration">A duration, rounded down to whole milliseconds.</param>
    public static string Format(TimeSpan duration)
    {
        var text = new System.Text.StringBuilder();
        var rest = TimeSpan.FromMilliseconds(Math.Floor(Math.Max(0, duration.TotalMilliseconds)));
        foreach (var (unit, length) in Units)
        {
            var count = (long)(rest.Ticks / length.Ticks);
            if (count > 0)
            {
                text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                rest -= length * count;
            }
        }

        return text.Length == 0 ? "0s" : text.ToString();
    }

    // The unit that starts the text, at or after the given index of Units; the longest that matches, so "500ms" is
    // milliseconds and not minutes followed by a stray "s".
    private static int UnitAt(ReadOnlySpan<char> text, int first)
    {
        var found = -1;
        for (var index = first; index < Units.Length; index++)
        {
            if (text.StartsWith(Units[index].Unit, StringComparison.Ordinal) && (found < 0 || Units[index].Unit.Length > Units[found].Unit.Length))
            {
                found = index;
            }
        }

        return found;
    }
}
