namespace PreviewSdk.Core.Limits;

/// <summary>
/// Finds out whether this machine lets PreviewSdk enforce limits with cgroups, and where. cgroup v2 (the unified
/// hierarchy at <c>/sys/fs/cgroup</c> offering <c>cpu</c> and <c>memory</c>) is used below the root cgroup as root,
/// else below the process's own cgroup when that is delegated to it; cgroup v1 (separate <c>cpu</c> and
/// <c>memory</c> hierarchies) only as root, since v1 has no safe delegation.
/// </summary>
public static class CgroupDetector
{
    /// <summary>Where Linux mounts the cgroup file systems.</summary>
    public const string MountPoint = "/sys/fs/cgroup";

    /// <summary>The name of PreviewSdk's folder in each hierarchy.</summary>
    public const string GroupName = "previewsdk";

    /// <summary>
    /// The variable that turns cgroups off (<c>PREVIEW_CGROUPS=off</c>): limits are then applied as best effort
    /// only, for a machine whose cgroups misbehave.
    /// </summary>
    public const string SwitchVariable = "PREVIEW_CGROUPS";

    private static readonly string[] Controllers = ["cpu", "memory"];

    /// <summary>
    /// Detects the machine's cgroups and prepares PreviewSdk's folder in them (creates it, and for v2 enables the
    /// cpu and memory controllers down to it), so that a later failure is a broken cgroup, not a missing one.
    /// </summary>
    public static CgroupDetection Detect()
    {
        if (Environment.GetEnvironmentVariable(SwitchVariable) is { } value && value.Trim().ToLowerInvariant() is "off" or "false" or "0")
        {
            return CgroupDetection.Unavailable($"turned off by {SwitchVariable}={value}");
        }

        return Detect(MountPoint, ReadOwnCgroups(), IsRoot());
    }

    /// <summary>
    /// Like <see cref="Detect()"/> for the cgroup file system mounted at <paramref name="mountRoot"/> (a plain folder
    /// laid out like one in tests).
    /// </summary>
    /// <param name="mountRoot">Where the cgroup file systems are mounted.</param>
    /// <param name="ownCgroups">The text of <c>/proc/self/cgroup</c>.</param>
    /// <param name="isRoot">Whether the process runs as root.</param>
    /// <param name="groupName">The name of PreviewSdk's folder; tests use their own.</param>
    public static CgroupDetection Detect(string mountRoot, string ownCgroups, bool isRoot, string groupName = GroupName)
    {
        var located = Locate(mountRoot, ownCgroups, isRoot, groupName);
        return located.Layout is { } layout ? Prepare(layout) : located;
    }

    /// <summary>
    /// Where PreviewSdk's cgroups are on this machine, without creating or changing anything: for cleaning up,
    /// which must find the cgroups an environment left even when the machine no longer allows new ones.
    /// </summary>
    public static CgroupDetection Locate() => Locate(MountPoint, ReadOwnCgroups(), IsRoot());

    /// <summary>Like <see cref="Locate()"/> for the cgroup file system mounted at <paramref name="mountRoot"/>.</summary>
    /// <param name="mountRoot">Where the cgroup file systems are mounted.</param>
    /// <param name="ownCgroups">The text of <c>/proc/self/cgroup</c>.</param>
    /// <param name="isRoot">Whether the process runs as root.</param>
    /// <param name="groupName">The name of PreviewSdk's folder; tests use their own.</param>
    public static CgroupDetection Locate(string mountRoot, string ownCgroups, bool isRoot, string groupName = GroupName)
    {
        ArgumentNullException.ThrowIfNull(mountRoot);
        CgroupNames.Check(groupName);
        ArgumentNullException.ThrowIfNull(ownCgroups);
        if (!Directory.Exists(mountRoot))
        {
            return CgroupDetection.Unavailable($"there is no cgroup file system at {mountRoot}");
        }

        if (File.Exists(Path.Combine(mountRoot, "cgroup.controllers")))
        {
            return LocateUnified(mountRoot, ownCgroups, isRoot, groupName);
        }

        var cpu = Path.Combine(mountRoot, "cpu");
        var memory = Path.Combine(mountRoot, "memory");
        if (File.Exists(Path.Combine(cpu, "cpu.cfs_quota_us")) && File.Exists(Path.Combine(memory, "memory.limit_in_bytes")))
        {
            return isRoot
                ? CgroupDetection.Available(new CgroupLayout(CgroupVersion.V1, Path.Combine(cpu, groupName), Path.Combine(memory, groupName)))
                : CgroupDetection.Unavailable("the machine has cgroup v1, which only root can use");
        }

        return CgroupDetection.Unavailable($"{mountRoot} has neither cgroup v2 with the cpu and memory controllers nor cgroup v1 cpu and memory hierarchies");
    }

    private static CgroupDetection LocateUnified(string mountRoot, string ownCgroups, bool isRoot, string groupName)
    {
        string parent;
        if (isRoot)
        {
            parent = mountRoot;
        }
        else
        {
            // "0::/user.slice/…": the v2 line of /proc/self/cgroup.
            var own = ownCgroups.Split('\n').FirstOrDefault(line => line.StartsWith("0::", StringComparison.Ordinal));
            if (own is null)
            {
                return CgroupDetection.Unavailable("the process's own cgroup v2 is unknown");
            }

            parent = Path.Combine(mountRoot, own[3..].Trim().TrimStart('/'));
        }

        var offered = ReadWords(Path.Combine(parent, "cgroup.controllers"));
        if (!Controllers.All(offered.Contains))
        {
            return CgroupDetection.Unavailable($"the cgroup {parent} does not offer the cpu and memory controllers (it offers: {string.Join(' ', offered)})");
        }

        return CgroupDetection.Available(new CgroupLayout(CgroupVersion.V2, Path.Combine(parent, groupName), Path.Combine(parent, groupName)));
    }

    private static CgroupDetection Prepare(CgroupLayout layout)
    {
        try
        {
            if (layout.Version == CgroupVersion.V2)
            {
                // cgroup v2 passes a controller to a child only when its parent enables it for its children.
                CgroupFiles.EnableControllers(Path.GetDirectoryName(layout.CpuRoot)!);
                Directory.CreateDirectory(layout.CpuRoot);
                CgroupFiles.EnableControllers(layout.CpuRoot);
            }
            else
            {
                Directory.CreateDirectory(layout.CpuRoot);
                Directory.CreateDirectory(layout.MemoryRoot);
            }

            return CgroupDetection.Available(layout);
        }
        catch (CgroupException e)
        {
            return CgroupDetection.Unavailable(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CgroupDetection.Unavailable($"{string.Join(" and ", layout.Roots)} cannot be created: {e.Message}");
        }
    }

    private static HashSet<string> ReadWords(string path) =>
        File.Exists(path) ? [.. File.ReadAllText(path).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)] : [];

    private static string ReadOwnCgroups()
    {
        try
        {
            return File.ReadAllText("/proc/self/cgroup");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static bool IsRoot() => !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;
}

/// <summary>The outcome of looking for cgroups: where they are, or why they cannot be used.</summary>
/// <param name="Layout">Where PreviewSdk's cgroups are; null when unavailable.</param>
/// <param name="Reason">Why cgroups cannot be used; null when available.</param>
public sealed record CgroupDetection(CgroupLayout? Layout, string? Reason)
{
    /// <summary>True when limits can be enforced with cgroups.</summary>
    public bool IsAvailable => Layout is not null;

    internal static CgroupDetection Available(CgroupLayout layout) => new(layout, null);

    internal static CgroupDetection Unavailable(string reason) => new(null, reason);
}
