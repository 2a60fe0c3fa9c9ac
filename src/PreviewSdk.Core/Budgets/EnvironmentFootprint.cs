using PreviewSdk.Core.Arithmetic;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Budgets;

/// <summary>
/// What an environment counts against its team's budget: over its services, each replica's CPU and memory limit
/// (from the profile it runs with) times the replicas. A replica without a limit counts
/// <see cref="DefaultCpus"/> and <see cref="DefaultMemoryBytes"/>, so an environment without limits is never free.
/// Backing services (PostgreSQL, Redis) are not counted: their size is set by the profile's data scale, not by limits.
/// </summary>
/// <param name="Cpus">CPUs.</param>
/// <param name="MemoryBytes">Bytes of memory.</param>
public sealed record EnvironmentFootprint(double Cpus, long MemoryBytes)
{
    /// <summary>The CPUs a replica without a CPU limit counts.</summary>
    public const double DefaultCpus = 0.5;

    /// <summary>The memory a replica without a memory limit counts: 512 MiB.</summary>
    public const long DefaultMemoryBytes = 512L << 20;

    /// <summary>The footprint of <paramref name="plan"/> run with <paramref name="profile"/>.</summary>
    /// <param name="plan">The environment's services and their declared replicas.</param>
    /// <param name="profile">The profile's replicas and limits per service.</param>
    public static EnvironmentFootprint Of(EnvironmentPlan plan, EffectiveProfile profile)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(profile);
        var cpus = 0.0;
        var memory = 0L;
        foreach (var service in plan.Services)
        {
            profile.Services.TryGetValue(service.Name, out var settings);
            var replicas = settings?.Replicas ?? service.Replicas;
            var limits = settings?.Limits ?? ResourceLimits.None;
            // Saturating: a wrapped product is a small number, and a small footprint passes every budget.
            cpus += replicas * Saturating.Amount(limits.Cpus ?? DefaultCpus);
            memory = Saturating.Add(memory, Saturating.Multiply(replicas, limits.MemoryBytes ?? DefaultMemoryBytes));
        }

        return new EnvironmentFootprint(Saturating.Amount(cpus), memory);
    }

    /// <summary>For people: <c>cpu 1.5, memory 1.5Gi</c>.</summary>
    public string Describe() => $"cpu {ResourceQuantity.FormatCpus(Cpus)}, memory {ResourceQuantity.FormatMemory(MemoryBytes)}";
}
