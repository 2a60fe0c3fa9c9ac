using System.Globalization;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// Durations as people write them on a command line: <c>30m</c>, <c>2h</c>, <c>1h30m</c>, <c>2d</c>, <c>45s</c>.
/// Used for <c>PreviewTtl</c>; a bare number is refused, because "10" could mean seconds or hours.
/// </summary>
public static class DurationText
{
    /// <summary>The longest accepted duration: a year, far beyond any preview environment's life.</summary>
    public static TimeSpan Longest { get; } = TimeSpan.FromDays(366);

    /// <summary>
    /// Reads one or more <c>&lt;whole number&gt;&lt;unit&gt;</c> parts, units <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>,
    /// largest first, each at most once. False for anything else, for zero, and for more than <see cref="Longest"/>.
    /// </summary>
    /// <param name="text">The text, e.g. <c>1h30m</c>.</param>
    /// <param name="duration">The duration read, or zero.</param>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = (text ?? string.Empty).Trim().AsSpan();
        if (rest.IsEmpty)
        {
            return false;
        }

        const string units = "dhms";
        var nextUnit = 0;
        var total = TimeSpan.Zero;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits > 6 || digits == rest.Length)
            {
                return false;
            }

            var unit = units.IndexOf(char.ToLowerInvariant(rest[digits]), nextUnit);
            if (unit < 0)
            {
                return false;
            }

            var amount = int.Parse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            total += unit switch
            {
                0 => TimeSpan.FromDays(amount),
                1 => TimeSpan.FromHours(amount),
                2 => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
            nextUnit = unit + 1;
            rest = rest[(digits + 1)..];
        }

        if (total <= TimeSpan.Zero || total > Longest)
        {
            return false;
        }

        duration = total;
        return true;
    }

    /// <summary>A short form such as <c>45s</c>, <c>12m</c>, <c>3h05m</c> or <c>2d04h</c>; negative durations read as zero.</summary>
    /// <param name="duration">The duration.</param>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalMinutes < 1 ? $"{(int)duration.TotalSeconds}s"
            : duration.TotalHours < 1 ? $"{(int)duration.TotalMinutes}m"
            : duration.TotalDays < 1 ? $"{(int)duration.TotalHours}h{duration.Minutes:00}m"
            : $"{(int)duration.TotalDays}d{duration.Hours:00}h";
    }
}
