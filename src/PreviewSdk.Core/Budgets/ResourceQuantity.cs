using System.Globalization;

namespace PreviewSdk.Core.Budgets;

/// <summary>
/// CPU and memory amounts as a budget writes them, in the units Kubernetes made familiar: CPUs as <c>4</c>,
/// <c>0.5</c> or <c>500m</c> (millicores); memory as <c>8Gi</c>, <c>512Mi</c>, <c>1G</c> or a number of bytes.
/// </summary>
public static class ResourceQuantity
{
    private static readonly (string Suffix, long Factor)[] MemoryUnits =
    [
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40),
        ("k", 1_000L), ("K", 1_000L), ("M", 1_000_000L), ("G", 1_000_000_000L), ("T", 1_000_000_000_000L),
    ];

    /// <summary>Reads a CPU amount greater than 0 and at most 4096: <c>4</c>, <c>0.5</c>, <c>500m</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cpus">The CPUs read, or 0.</param>
    public static bool TryParseCpus(string? text, out double cpus)
    {
        cpus = 0;
        var value = (text ?? string.Empty).Trim();
        var factor = 1.0;
        if (value.EndsWith('m'))
        {
            factor = 0.001;
            value = value[..^1];
        }

        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        amount *= factor;
        if (!double.IsFinite(amount) || amount <= 0 || amount > 4096)
        {
            return false;
        }

        cpus = amount;
        return true;
    }

    /// <summary>Reads an amount of memory of at least 1 MiB and at most 1 PiB: <c>8Gi</c>, <c>512Mi</c>, <c>1.5G</c>, <c>1048576</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="bytes">The bytes read, or 0.</param>
    public static bool TryParseMemory(string? text, out long bytes)
    {
        bytes = 0;
        var value = (text ?? string.Empty).Trim();
        var factor = 1L;
        foreach (var (suffix, unitFactor) in MemoryUnits)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = unitFactor;
                value = value[..^suffix.Length];
                break;
            }
        }

        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var total = amount * factor;
        if (!double.IsFinite(total) || total < 1 << 20 || total > (double)(1L << 50))
        {
            return false;
        }

        bytes = (long)Math.Round(total);
        return true;
    }

    /// <summary>CPUs for people: <c>1.5</c>, <c>0.25</c>.</summary>
    /// <param name="cpus">The CPUs.</param>
    public static string FormatCpus(double cpus) => cpus.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Memory for people, in the binary units a budget is written in: <c>1.5Gi</c>, <c>512Mi</c>.</summary>
    /// <param name="bytes">The bytes.</param>
    public static string FormatMemory(long bytes) =>
        bytes >= 1L << 30
            ? (bytes / (double)(1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + "Gi"
            : (bytes / (double)(1L << 20)).ToString("0.##", CultureInfo.InvariantCulture) + "Mi";
}
