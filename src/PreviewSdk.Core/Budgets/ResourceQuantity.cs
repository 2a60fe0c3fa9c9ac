using System.Globalization;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Budgets;

/// <summary>
/// CPU and memory amounts as a budget writes them, in the units Kubernetes made familiar: CPUs as <c>4</c>,
/// <c>0.5</c> or <c>500m</c> (millicores); memory as <c>8Gi</c>, <c>512Mi</c>, <c>1G</c> or a number of bytes. The
/// notation is read by <see cref="ResourceLimitsParser"/>, as for limits; only the ranges are a budget's own.
/// </summary>
public static class ResourceQuantity
{
    /// <summary>Reads a CPU amount greater than 0 and at most 4096: <c>4</c>, <c>0.5</c>, <c>500m</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cpus">The CPUs read, or 0.</param>
    public static bool TryParseCpus(string? text, out double cpus)
    {
        var valid = ResourceLimitsParser.TryReadCpus(text, out cpus) && cpus is > 0 and <= 4096;
        cpus = valid ? cpus : 0;
        return valid;
    }

    /// <summary>Reads an amount of memory of at least 1 MiB and at most 1 PiB: <c>8Gi</c>, <c>512Mi</c>, <c>1.5G</c>, <c>1048576</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="bytes">The bytes read, or 0.</param>
    public static bool TryParseMemory(string? text, out long bytes)
    {
        var valid = ResourceLimitsParser.TryReadMemory(text, out bytes) && bytes >= 1L << 20 && bytes <= 1L << 50;
        bytes = valid ? bytes : 0;
        return valid;
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
