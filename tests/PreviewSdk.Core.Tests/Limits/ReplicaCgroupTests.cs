using PreviewSdk.Core.Limits;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Tests.Limits;

/// <summary>The folders and control files of a replica's cgroup, on folders laid out like <c>/sys/fs/cgroup</c>.</summary>
[TestClass]
public sealed class ReplicaCgroupTests
{
    private static readonly ResourceLimits HalfACpuAnd512Mi = new(0.5, 512L * 1024 * 1024);

    [TestMethod]
    public void V2_WritesCpuMaxAndMemoryMaxIntoTheReplicasFolder()
    {
        using var root = FakeCgroupRoot.V2();
        var layout = CgroupDetector.Detect(root.Mount, string.Empty, isRoot: true).Layout!;

        var cgroup = ReplicaCgroup.Create(layout, "e1", "shop-api", "shop-api-abc123", HalfACpuAnd512Mi);

        CollectionAssert.AreEqual(new[] { root.PathOf("previewsdk", "e1", "shop-api", "shop-api-abc123") }, cgroup.Folders.ToArray());
        Assert.AreEqual("50000 100000", root.Read("previewsdk", "e1", "shop-api", "shop-api-abc123", "cpu.max"));
        Assert.AreEqual("536870912", root.Read("previewsdk", "e1", "shop-api", "shop-api-abc123", "memory.max"));
        Assert.AreEqual("+cpu +memory", root.Read("previewsdk", "e1", "cgroup.subtree_control"), "the environment passes the controllers on");
        Assert.AreEqual("+cpu +memory", root.Read("previewsdk", "e1", "shop-api", "cgroup.subtree_control"), "the service passes the controllers on");
        Assert.IsFalse(File.Exists(root.PathOf("previewsdk", "e1", "shop-api", "shop-api-abc123", "cgroup.subtree_control")), "the replica holds processes, so it passes nothing on");
    }

    [TestMethod]
    public void V2_AnUnlimitedResource_IsWrittenAsMax()
    {
        using var root = FakeCgroupRoot.V2();
        var layout = CgroupDetector.Detect(root.Mount, string.Empty, isRoot: true).Layout!;

        ReplicaCgroup.Create(layout, "e1", "worker", "worker-1", new ResourceLimits(null, 64L * 1024 * 1024));
        ReplicaCgroup.Create(layout, "e1", "web", "web-1", new ResourceLimits(2, null));

        Assert.AreEqual("max 100000", root.Read("previewsdk", "e1", "worker", "worker-1", "cpu.max"));
        Assert.AreEqual("67108864", root.Read("previewsdk", "e1", "worker", "worker-1", "memory.max"));
        Assert.AreEqual("200000 100000", root.Read("previewsdk", "e1", "web", "web-1", "cpu.max"));
        Assert.AreEqual("max", root.Read("previewsdk", "e1", "web", "web-1", "memory.max"));
    }

    [TestMethod]
    public void V1_WritesTheQuotaIntoTheCpuHierarchyAndTheLimitIntoTheMemoryHierarchy()
    {
        using var root = FakeCgroupRoot.V1();
        var layout = CgroupDetector.Detect(root.Mount, string.Empty, isRoot: true).Layout!;

        var cgroup = ReplicaCgroup.Create(layout, "e1", "shop-api", "shop-api-abc123", HalfACpuAnd512Mi);

        CollectionAssert.AreEqual(
            new[] { root.PathOf("cpu", "previewsdk", "e1", "shop-api", "shop-api-abc123"), root.PathOf("memory", "previewsdk", "e1", "shop-api", "shop-api-abc123") },
            cgroup.Folders.ToArray());
        Assert.AreEqual("100000", root.Read("cpu", "previewsdk", "e1", "shop-api", "shop-api-abc123", "cpu.cfs_period_us"));
        Assert.AreEqual("50000", root.Read("cpu", "previewsdk", "e1", "shop-api", "shop-api-abc123", "cpu.cfs_quota_us"));
        Assert.AreEqual("536870912", root.Read("memory", "previewsdk", "e1", "shop-api", "shop-api-abc123", "memory.limit_in_bytes"));
    }

    [TestMethod]
    public void V1_AnUnlimitedResource_IsWrittenAsMinusOne()
    {
        using var root = FakeCgroupRoot.V1();
        var layout = CgroupDetector.Detect(root.Mount, string.Empty, isRoot: true).Layout!;

        ReplicaCgroup.Create(layout, "e1", "web", "web-1", new ResourceLimits(0.01, null));

        Assert.AreEqual("1000", root.Read("cpu", "previewsdk", "e1", "web", "web-1", "cpu.cfs_quota_us"), "0.01 CPU is the kernel's smallest quota");
        Assert.AreEqual("-1", root.Read("memory", "previewsdk", "e1", "web", "web-1", "memory.limit_in_bytes"));
    }

    [TestMethod]
    [DataRow("..", "api", "api-1")]
    [DataRow("e1", "../../etc", "api-1")]
    [DataRow("e1", "api", "api/1")]
    [DataRow("e1", "api", "")]
    public void Create_RefusesANameThatIsNoPlainFolderName(string environmentId, string service, string replica)
    {
        using var root = FakeCgroupRoot.V2();
        var layout = CgroupDetector.Detect(root.Mount, string.Empty, isRoot: true).Layout!;

        Assert.ThrowsExactly<ArgumentException>(() => ReplicaCgroup.Create(layout, environmentId, service, replica, HalfACpuAnd512Mi));
    }

    [TestMethod]
    public void Create_WhereTheFolderCannotBeMade_IsACgroupException()
    {
        using var root = FakeCgroupRoot.V2();
        var layout = CgroupDetector.Detect(root.Mount, string.Empty, isRoot: true).Layout!;
        File.WriteAllText(root.PathOf("previewsdk", "e1"), "a file where the environment's folder belongs");

        var failure = Assert.ThrowsExactly<CgroupException>(() => ReplicaCgroup.Create(layout, "e1", "api", "api-1", HalfACpuAnd512Mi));

        StringAssert.StartsWith(failure.Path, root.PathOf("previewsdk", "e1"));
        StringAssert.Contains(failure.Message, "cannot be created");
    }
}
