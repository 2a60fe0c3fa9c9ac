namespace PreviewSdk.Core.Profiles;

/// <summary>
/// CPU and memory limits of one process (one replica of a service), as a profile sets them. Null means "no limit".
/// </summary>
/// <param name="Cpus">CPUs, e.g. 0.5 for half a core.</param>
/// <param name="MemoryBytes">Bytes of memory.</param>
public sealed record ResourceLimits(double? Cpus, long? MemoryBytes)
{
    /// <summary>No limit at all.</summary>
    public static ResourceLimits None { get; } = new(null, null);

    /// <summary>True when neither CPU nor memory is limited.</summary>
    public bool IsNone => Cpus is null && MemoryBytes is null;
}
