using System.Globalization;

namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>
/// Reads an interval as PostgreSQL prints it (<c>1 day 02:00:00</c>, <c>3 mons</c>, <c>00:30:00</c>) or as .NET
/// writes a <see cref="TimeSpan"/> (<c>1.02:00:00</c>). Months count as 30 days and years as 365, which is how the
/// seeder compares intervals; PostgreSQL's own month arithmetic never matters for a generated value.
/// </summary>
internal static class IntervalText
{
    /// <summary>Parses <paramref name="text"/>, or returns false.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        var trimmed = text.Trim();
        if (TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var total = TimeSpan.Zero;
        var parts = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Contains(':', StringComparison.Ordinal))
            {
                var negative = part.StartsWith('-');
                if (!TimeSpan.TryParseExact(part.TrimStart('-', '+'), [@"h\:m\:s", @"h\:m\:s\.FFFFFFF", @"h\:m"], CultureInfo.InvariantCulture, out var clock))
                {
                    return false;
                }

                total += negative ? -clock : clock;
                continue;
            }

            if (i + 1 >= parts.Length
                || !double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                || UnitLength(parts[++i]) is not { } unit)
            {
                return false;
            }

            total += unit * amount;
        }

        value = total;
        return true;
    }

    private static TimeSpan? UnitLength(string unit) => unit.ToLowerInvariant().TrimEnd('s') switch
    {
        "year" or "yr" => TimeSpan.FromDays(365),
        "mon" or "month" => TimeSpan.FromDays(30),
        "week" => TimeSpan.FromDays(7),
        "day" => TimeSpan.FromDays(1),
        "hour" or "hr" => TimeSpan.FromHours(1),
        "min" or "minute" => TimeSpan.FromMinutes(1),
        "sec" or "second" => TimeSpan.FromSeconds(1),
        _ => null,
    };
}
