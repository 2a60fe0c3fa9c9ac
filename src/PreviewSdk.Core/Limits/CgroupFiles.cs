using System.Globalization;
using PreviewSdk.Core.Arithmetic;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Limits;

/// <summary>
/// The control files PreviewSdk writes, in the format of each cgroup interface. One value per write: the kernel
/// parses each write on its own, so a process id written together with another would be refused.
/// </summary>
internal static class CgroupFiles
{
    /// <summary>The CPU period: 100 ms, the kernel's default, so a quota reads as a share of one CPU per period.</summary>
    public const long CpuPeriodMicroseconds = 100_000;

    /// <summary>The smallest quota the kernel accepts, 1 ms per period.</summary>
    private const long MinimumQuotaMicroseconds = 1_000;

    /// <summary>The CPU time per period for <paramref name="cpus"/> CPUs.</summary>
    public static long QuotaOf(double cpus) =>
        Math.Max(MinimumQuotaMicroseconds, Saturating.RoundToCount(cpus * CpuPeriodMicroseconds));

    /// <summary>Lets the children of the v2 cgroup <paramref name="folder"/> use the cpu and memory controllers.</summary>
    public static void EnableControllers(string folder)
    {
        var control = Path.Combine(folder, "cgroup.subtree_control");
        var enabled = File.Exists(control) ? File.ReadAllText(control).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries) : [];
        if (!enabled.Contains("cpu") || !enabled.Contains("memory"))
        {
            Write(control, "+cpu +memory", $"The cpu and memory controllers cannot be enabled below {folder}");
        }
    }

    /// <summary>Writes <paramref name="limits"/> into the v2 cgroup <paramref name="folder"/>.</summary>
    public static void WriteV2(string folder, ResourceLimits limits)
    {
        var quota = limits.Cpus is { } cpus ? QuotaOf(cpus).ToString(CultureInfo.InvariantCulture) : "max";
        Write(Path.Combine(folder, "cpu.max"), $"{quota} {CpuPeriodMicroseconds}", "The CPU limit cannot be set");
        Write(Path.Combine(folder, "memory.max"), Bytes(limits.MemoryBytes, "max"), "The memory limit cannot be set");
    }

    /// <summary>Writes the CPU limit of <paramref name="limits"/> into the v1 cpu cgroup <paramref name="folder"/>.</summary>
    public static void WriteV1Cpu(string folder, ResourceLimits limits)
    {
        // The period first: the kernel checks the quota against it.
        Write(Path.Combine(folder, "cpu.cfs_period_us"), CpuPeriodMicroseconds.ToString(CultureInfo.InvariantCulture), "The CPU period cannot be set");
        var quota = limits.Cpus is { } cpus ? QuotaOf(cpus).ToString(CultureInfo.InvariantCulture) : "-1";
        Write(Path.Combine(folder, "cpu.cfs_quota_us"), quota, "The CPU limit cannot be set");
    }

    /// <summary>Writes the memory limit of <paramref name="limits"/> into the v1 memory cgroup <paramref name="folder"/>.</summary>
    public static void WriteV1Memory(string folder, ResourceLimits limits) =>
        Write(Path.Combine(folder, "memory.limit_in_bytes"), Bytes(limits.MemoryBytes, "-1"), "The memory limit cannot be set");

    /// <summary>Moves process <paramref name="pid"/> (all its threads) into the cgroup <paramref name="folder"/>.</summary>
    public static void AddProcess(string folder, int pid) =>
        Write(Path.Combine(folder, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture), $"Process {pid} cannot be moved into the cgroup");

    /// <summary>The process ids in the cgroup <paramref name="folder"/> (not its children); none when it is gone.</summary>
    public static IReadOnlyList<int> Processes(string folder)
    {
        try
        {
            return File.ReadAllLines(Path.Combine(folder, "cgroup.procs"))
                .Select(line => int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
                .Where(pid => pid > 0)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Bytes(long? bytes, string unlimited) =>
        bytes is { } value ? value.ToString(CultureInfo.InvariantCulture) : unlimited;

    private static void Write(string path, string value, string what)
    {
        try
        {
            File.WriteAllText(path, value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CgroupException(path, $"{what}: writing '{value}' to {path} failed: {e.Message}", e);
        }
    }
}
