namespace PreviewSdk.Core.Limits;

/// <summary>Which cgroup interface the machine offers for the cpu and memory controllers.</summary>
public enum CgroupVersion
{
    /// <summary>cgroup v1: one hierarchy per controller (<c>/sys/fs/cgroup/cpu</c>, <c>/sys/fs/cgroup/memory</c>).</summary>
    V1 = 1,

    /// <summary>cgroup v2: one unified hierarchy with every controller.</summary>
    V2 = 2,
}

/// <summary>
/// Where PreviewSdk keeps its cgroups on this machine: one folder per hierarchy (one for v2, the cpu and the memory
/// hierarchy for v1), below which each environment gets <c>&lt;environment id&gt;/&lt;service&gt;/&lt;replica&gt;</c>.
/// </summary>
/// <param name="Version">The cgroup interface.</param>
/// <param name="CpuRoot">PreviewSdk's folder in the hierarchy with the cpu controller, e.g. <c>/sys/fs/cgroup/previewsdk</c>.</param>
/// <param name="MemoryRoot">PreviewSdk's folder in the hierarchy with the memory controller; the same as <paramref name="CpuRoot"/> for v2.</param>
public sealed record CgroupLayout(CgroupVersion Version, string CpuRoot, string MemoryRoot)
{
    /// <summary>PreviewSdk's folder in each hierarchy, without repeats.</summary>
    public IReadOnlyList<string> Roots => CpuRoot == MemoryRoot ? [CpuRoot] : [CpuRoot, MemoryRoot];

    /// <summary>The interface for humans and reports: <c>cgroup v1</c> or <c>cgroup v2</c>.</summary>
    public string Describe() => Version == CgroupVersion.V2 ? "cgroup v2" : "cgroup v1";

    /// <summary>The folders of environment <paramref name="environmentId"/>, one per hierarchy.</summary>
    public IReadOnlyList<string> EnvironmentFolders(string environmentId) =>
        Roots.Select(root => Path.Combine(root, CgroupNames.Check(environmentId))).ToList();
}
