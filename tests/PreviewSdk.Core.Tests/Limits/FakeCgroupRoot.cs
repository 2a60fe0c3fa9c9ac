namespace PreviewSdk.Core.Tests.Limits;

/// <summary>
/// A temporary folder laid out like <c>/sys/fs/cgroup</c>, v2 or v1: enough for detection and for the contents
/// of the control files PreviewSdk writes (a real cgroup file system is what <see cref="RealCgroupTests"/> use).
/// </summary>
internal sealed class FakeCgroupRoot : IDisposable
{
    private readonly TempFolder folder = new();

    private FakeCgroupRoot()
    {
    }

    public string Mount => folder.Root;

    /// <summary>A unified (v2) mount whose root offers <paramref name="controllers"/>.</summary>
    public static FakeCgroupRoot V2(string controllers = "cpuset cpu io memory hugetlb pids rdma misc")
    {
        var root = new FakeCgroupRoot();
        root.folder.Write(controllers + "\n", "cgroup.controllers");
        root.folder.Write(string.Empty, "cgroup.subtree_control");
        root.folder.Write(string.Empty, "cgroup.procs");
        return root;
    }

    /// <summary>A v1 mount with the cpu and memory hierarchies (and a v2 one without controllers, as hybrid systems have).</summary>
    public static FakeCgroupRoot V1()
    {
        var root = new FakeCgroupRoot();
        root.folder.Write("-1\n", "cpu", "cpu.cfs_quota_us");
        root.folder.Write("100000\n", "cpu", "cpu.cfs_period_us");
        root.folder.Write("9223372036854771712\n", "memory", "memory.limit_in_bytes");
        root.folder.Write(string.Empty, "unified", "cgroup.controllers");
        return root;
    }

    /// <summary>Adds a cgroup below the v2 root, e.g. a user's own delegated one.</summary>
    public void AddV2Group(string relative, string controllers) =>
        folder.Write(controllers + "\n", relative, "cgroup.controllers");

    public string PathOf(params string[] parts) => folder.PathOf(parts);

    public string Read(params string[] parts) => File.ReadAllText(folder.PathOf(parts));

    public void Dispose() => folder.Dispose();
}
