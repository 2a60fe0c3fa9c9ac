using System.Globalization;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Limits;

/// <summary>
/// The best effort for a .NET service, which works on every machine: variables that make the .NET runtime keep
/// to the limits by itself. The runtime reads its cgroup's limits only when it starts inside the cgroup; these
/// variables hold even when the process was moved in after it started, or when there are no cgroups at all.
/// </summary>
public static class DotnetLimitVariables
{
    /// <summary>The GC's hard limit on the managed heap, in hexadecimal bytes.</summary>
    public const string HeapHardLimit = "DOTNET_GCHeapHardLimit";

    /// <summary>The processor count the runtime sizes its thread pool and GC heaps by.</summary>
    public const string ProcessorCount = "DOTNET_PROCESSOR_COUNT";

    /// <summary>
    /// The managed heap's share of the memory limit: 75%, which is what the runtime itself chooses under a cgroup
    /// memory limit, leaving a quarter for the runtime, native libraries and thread stacks.
    /// </summary>
    public const double HeapFraction = 0.75;

    /// <summary>The variables for <paramref name="limits"/>: none for an unlimited resource.</summary>
    /// <param name="limits">The limits of one replica.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> For(ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var variables = new List<KeyValuePair<string, string>>(2);
        if (limits.Cpus is { } cpus)
        {
            // Whole processors only; a fraction of one still needs one.
            variables.Add(new(ProcessorCount, ((int)Math.Ceiling(cpus)).ToString(CultureInfo.InvariantCulture)));
        }

        if (limits.MemoryBytes is { } bytes)
        {
            variables.Add(new(HeapHardLimit, "0x" + HeapBytes(bytes).ToString("X", CultureInfo.InvariantCulture)));
        }

        return variables;
    }

    /// <summary>The managed heap limit for a memory limit of <paramref name="memoryBytes"/>.</summary>
    /// <param name="memoryBytes">The memory limit of one replica.</param>
    public static long HeapBytes(long memoryBytes) => (long)(memoryBytes * HeapFraction);

    /// <summary>What the variables apply, for reports: <c>DOTNET_PROCESSOR_COUNT=1, DOTNET_GCHeapHardLimit=384 MiB</c>.</summary>
    /// <param name="limits">The limits of one replica.</param>
    public static string Describe(ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return string.Join(", ", For(limits).Select(variable => variable.Key == HeapHardLimit
            ? $"{variable.Key}={ResourceLimits.DescribeBytes(HeapBytes(limits.MemoryBytes!.Value))}"
            : $"{variable.Key}={variable.Value}"));
    }
}
