using System.Globalization;

namespace PreviewSdk.Core.Profiles;

/// <summary>
/// Durations as preview.yaml and the command line write them: whole numbers with a unit, largest first, e.g.
/// <c>8h</c>, <c>30m</c>, <c>2d</c>, <c>1h30m</c>.
/// </summary>
public static class DurationText
{
    /// <summary>The shortest time to live accepted.</summary>
    public static TimeSpan Minimum { get; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest time to live accepted (a longer-lived environment is one to mark as kept).</summary>
    public static TimeSpan Maximum { get; } = TimeSpan.FromDays(365);

    private static readonly (char Unit, TimeSpan Length)[] Units =
    [
        ('d', TimeSpan.FromDays(1)), ('h', TimeSpan.FromHours(1)), ('m', TimeSpan.FromMinutes(1)), ('s', TimeSpan.FromSeconds(1)),
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
            var unitChar = digits < rest.Length ? rest[digits] : '\0';
            var unit = Array.FindIndex(Units, nextUnit, u => u.Unit == unitChar);
            if (digits == 0 || digits > 9 || unit < 0)
            {
                return false;
            }

            seconds += Units[unit].Length.TotalSeconds * int.Parse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            nextUnit = unit + 1;
            rest = rest[(digits + 1)..];
        }

        // Far beyond any sensible time to live, but within what TimeSpan holds.
        if (seconds > TimeSpan.FromDays(1_000_000).TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The text of <paramref name="duration"/> in the same form: <c>8h</c>, <c>1h30m</c>, <c>0s</c>.</summary>
    /// <param name="duration">A duration, rounded down to whole seconds.</param>
    public static string Format(TimeSpan duration)
    {
        var text = new System.Text.StringBuilder();
        var rest = TimeSpan.FromSeconds(Math.Floor(Math.Max(0, duration.TotalSeconds)));
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
}
