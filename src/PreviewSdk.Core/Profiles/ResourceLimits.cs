using System.Globalization;

namespace PreviewSdk.Core.Profiles;

/// <summary>
/// CPU and memory limits of one process (one replica of a service), as a profile sets them. Null means "no limit".
/// </summary>
/// <param name="Cpus">CPUs, e.g. 0.5 for half a core.</param>
/// <param name="MemoryBytes">Bytes of memory.</param>
public sealed record ResourceLimits(double? Cpus, long? MemoryBytes)
{
    private const long MiB = 1L << 20;
    private const long GiB = 1L << 30;

    /// <summary>No limit at all.</summary>
    public static ResourceLimits None { get; } = new(null, null);

    /// <summary>True when neither CPU nor memory is limited.</summary>
    public bool IsNone => Cpus is null && MemoryBytes is null;

    /// <summary>
    /// The limits for humans, e.g. <c>cpu 0.5, memory 512 MiB</c>; only what is limited, <c>no limits</c> when
    /// nothing is.
    /// </summary>
    public string Describe()
    {
        var parts = new List<string>(2);
        if (Cpus is { } cpus)
        {
            parts.Add("cpu " + cpus.ToString("0.###", CultureInfo.InvariantCulture));
        }

        if (MemoryBytes is { } bytes)
        {
            parts.Add("memory " + DescribeBytes(bytes));
        }

        return parts.Count == 0 ? "no limits" : string.Join(", ", parts);
    }

    /// <summary>Bytes in binary units for humans: <c>1 GiB</c>, <c>1.5 GiB</c>, <c>512 MiB</c>, <c>244.1 MiB</c>.</summary>
    /// <param name="bytes">A number of bytes.</param>
    public static string DescribeBytes(long bytes) =>
        bytes >= GiB && bytes * 10 % GiB == 0
            ? ((double)bytes / GiB).ToString("0.#", CultureInfo.InvariantCulture) + " GiB"
            : ((double)bytes / MiB).ToString("0.#", CultureInfo.InvariantCulture) + " MiB";
}
