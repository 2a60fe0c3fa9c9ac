using System.Globalization;
using k8s.Models;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// A container's CPU and memory limit, and the requests derived from it: a quarter of each, so a preview's pods are
/// scheduled on what they usually use while the limit, which the team's budget counts, stays the cap.
/// </summary>
/// <param name="Cpus">The CPU limit.</param>
/// <param name="MemoryBytes">The memory limit in bytes.</param>
public sealed record ContainerSize(double Cpus, long MemoryBytes)
{
    /// <summary>The share of the limit that is requested.</summary>
    public const int RequestDivisor = 4;

    /// <summary>The gateway: forwarding and a directory page.</summary>
    public static ContainerSize Gateway { get; } = new(0.25, 128L << 20);

    /// <summary>A PostgreSQL server.</summary>
    public static ContainerSize Postgres { get; } = new(1, 1L << 30);

    /// <summary>A Redis server.</summary>
    public static ContainerSize Redis { get; } = new(0.25, 256L << 20);

    /// <summary>A seeding Job's run.</summary>
    public static ContainerSize Seeder { get; } = new(0.5, 512L << 20);

    /// <summary>A profile's <c>cpu:</c>/<c>memory:</c> where it sets them, else this size's.</summary>
    public ContainerSize LimitedBy(Core.Profiles.ResourceLimits? limits) =>
        limits is null ? this : new(limits.Cpus ?? Cpus, limits.MemoryBytes ?? MemoryBytes);

    /// <summary>The requested CPUs, in whole millicores, at least 10m.</summary>
    public long RequestMillicores => Math.Max(10, Millicores(Cpus) / RequestDivisor);

    /// <summary>The requested bytes, in whole MiB, at least 16Mi.</summary>
    public long RequestBytes => Math.Max(16L << 20, MemoryBytes / RequestDivisor / (1L << 20) * (1L << 20));

    /// <summary>The container's resources: limits and requests.</summary>
    public V1ResourceRequirements ToRequirements() => new()
    {
        Limits = Quantities(Millicores(Cpus), MemoryBytes),
        Requests = Quantities(RequestMillicores, RequestBytes),
    };

    /// <summary>CPUs in millicores, rounded up.</summary>
    public static long Millicores(double cpus) => (long)Math.Ceiling(Math.Round(cpus * 1000, 6));

    /// <summary>A CPU quantity: whole CPUs as <c>2</c>, else millicores as <c>500m</c>.</summary>
    public static ResourceQuantity Cpu(long millicores) =>
        new(millicores % 1000 == 0 ? (millicores / 1000).ToString(CultureInfo.InvariantCulture) : millicores.ToString(CultureInfo.InvariantCulture) + "m");

    /// <summary>A memory quantity in the largest binary unit that divides it: <c>1Gi</c>, <c>512Mi</c>, else bytes.</summary>
    public static ResourceQuantity Memory(long bytes) => new(
        bytes % (1L << 30) == 0 ? (bytes >> 30).ToString(CultureInfo.InvariantCulture) + "Gi"
        : bytes % (1L << 20) == 0 ? (bytes >> 20).ToString(CultureInfo.InvariantCulture) + "Mi"
        : bytes.ToString(CultureInfo.InvariantCulture));

    private static SortedDictionary<string, ResourceQuantity> Quantities(long millicores, long bytes) => new(StringComparer.Ordinal)
    {
        ["cpu"] = Cpu(millicores),
        ["memory"] = Memory(bytes),
    };
}
