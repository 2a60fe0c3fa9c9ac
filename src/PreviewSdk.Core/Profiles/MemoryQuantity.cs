using System.Globalization;

namespace PreviewSdk.Core.Profiles;

/// <summary>
/// Amounts of memory as preview.yaml writes them, the way Kubernetes and Docker users already write them:
/// <c>512Mi</c>, <c>1Gi</c>, <c>1.5G</c>, or a bare number of bytes.
/// </summary>
public static class MemoryQuantity
{
    /// <summary>The smallest limit accepted: no .NET service starts in less.</summary>
    public const long MinimumBytes = 16L * 1024 * 1024;

    /// <summary>The largest limit accepted.</summary>
    public const long MaximumBytes = 1024L * 1024 * 1024 * 1024;

    // Longest suffix first, so "Mi" is not read as "M" followed by garbage.
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("Ki", 1024L), ("Mi", 1024L * 1024), ("Gi", 1024L * 1024 * 1024), ("Ti", 1024L * 1024 * 1024 * 1024),
        ("K", 1000L), ("M", 1000L * 1000), ("G", 1000L * 1000 * 1000), ("T", 1000L * 1000 * 1000 * 1000),
    ];

    /// <summary>Reads <paramref name="text"/> as bytes; false when it is no amount of memory (any size).</summary>
    /// <param name="text">The text, e.g. <c>512Mi</c>.</param>
    /// <param name="bytes">The bytes, rounded down to whole bytes.</param>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var factor = 1L;
        foreach (var (suffix, unitFactor) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                trimmed = trimmed[..^suffix.Length];
                factor = unitFactor;
                break;
            }
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var value = number * factor;
        if (value > long.MaxValue)
        {
            return false;
        }

        bytes = (long)decimal.Floor(value);
        return true;
    }

    /// <summary>The shortest binary-unit text of <paramref name="bytes"/>: <c>512Mi</c>, <c>1.5Gi</c>.</summary>
    /// <param name="bytes">A number of bytes.</param>
    public static string Format(long bytes)
    {
        foreach (var (suffix, factor) in Units.Take(4).Reverse())
        {
            if (bytes >= factor)
            {
                return (bytes / (decimal)factor).ToString("0.##", CultureInfo.InvariantCulture) + suffix;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }
}
