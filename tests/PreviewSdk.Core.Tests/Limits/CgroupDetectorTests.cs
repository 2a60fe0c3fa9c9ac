using PreviewSdk.Core.Limits;

namespace PreviewSdk.Core.Tests.Limits;

/// <summary>Detection of the machine's cgroups, on folders laid out like <c>/sys/fs/cgroup</c>.</summary>
[TestClass]
public sealed class CgroupDetectorTests
{
    private const string OwnCgroupsV2 = "0::/user.slice/user-1000.slice/session-3.scope\n";

    [TestMethod]
    public void V2_AsRoot_UsesAFolderBelowTheRootAndEnablesTheControllersDownToIt()
    {
        using var root = FakeCgroupRoot.V2();

        var detection = CgroupDetector.Detect(root.Mount, OwnCgroupsV2, isRoot: true);

        Assert.IsTrue(detection.IsAvailable, detection.Reason);
        Assert.AreEqual(new CgroupLayout(CgroupVersion.V2, root.PathOf("previewsdk"), root.PathOf("previewsdk")), detection.Layout);
        Assert.AreEqual("+cpu +memory", root.Read("cgroup.subtree_control"));
        Assert.AreEqual("+cpu +memory", root.Read("previewsdk", "cgroup.subtree_control"));
        Assert.AreEqual("cgroup v2", detection.Layout!.Describe());
    }

    [TestMethod]
    public void V2_ControllersAlreadyEnabled_AreNotWrittenAgain()
    {
        using var root = FakeCgroupRoot.V2();
        File.WriteAllText(root.PathOf("cgroup.subtree_control"), "cpuset cpu io memory pids\n");

        Assert.IsTrue(CgroupDetector.Detect(root.Mount, OwnCgroupsV2, isRoot: true).IsAvailable);
        Assert.AreEqual("cpuset cpu io memory pids\n", root.Read("cgroup.subtree_control"));
    }

    [TestMethod]
    public void V2_WithoutTheMemoryController_IsUnavailableAndSaysWhatItOffers()
    {
        using var root = FakeCgroupRoot.V2("cpuset cpu io pids");

        var detection = CgroupDetector.Detect(root.Mount, OwnCgroupsV2, isRoot: true);

        Assert.IsFalse(detection.IsAvailable);
        StringAssert.Contains(detection.Reason, "does not offer the cpu and memory controllers (it offers: cpuset cpu io pids)");
        Assert.IsFalse(Directory.Exists(root.PathOf("previewsdk")), "nothing is created when cgroups cannot be used");
    }

    [TestMethod]
    public void V2_NotRoot_UsesTheProcesssOwnCgroup()
    {
        using var root = FakeCgroupRoot.V2();
        root.AddV2Group("user.slice/user-1000.slice/session-3.scope", "cpu memory pids");

        var detection = CgroupDetector.Detect(root.Mount, "12:cpu:/\n" + OwnCgroupsV2, isRoot: false);

        var expected = root.PathOf("user.slice", "user-1000.slice", "session-3.scope", "previewsdk");
        Assert.AreEqual(expected, detection.Layout?.CpuRoot, detection.Reason);
        Assert.AreEqual(string.Empty, root.Read("cgroup.subtree_control"), "the root cgroup is left alone");
    }

    [TestMethod]
    public void V2_NotRoot_WithoutADelegatedOwnCgroup_IsUnavailable()
    {
        using var root = FakeCgroupRoot.V2();

        Assert.IsFalse(CgroupDetector.Detect(root.Mount, OwnCgroupsV2, isRoot: false).IsAvailable, "the own cgroup offers no controllers");
        StringAssert.Contains(CgroupDetector.Detect(root.Mount, "1:name=systemd:/\n", isRoot: false).Reason, "own cgroup v2 is unknown");
    }

    [TestMethod]
    public void V1_AsRoot_UsesTheCpuAndMemoryHierarchies()
    {
        using var root = FakeCgroupRoot.V1();

        var detection = CgroupDetector.Detect(root.Mount, "4:memory:/\n1:cpu:/\n0::/\n", isRoot: true);

        Assert.AreEqual(new CgroupLayout(CgroupVersion.V1, root.PathOf("cpu", "previewsdk"), root.PathOf("memory", "previewsdk")), detection.Layout, detection.Reason);
        Assert.IsTrue(Directory.Exists(root.PathOf("cpu", "previewsdk")));
        Assert.IsTrue(Directory.Exists(root.PathOf("memory", "previewsdk")));
        Assert.HasCount(2, detection.Layout!.Roots);
    }

    [TestMethod]
    public void V1_NotRoot_IsUnavailable()
    {
        using var root = FakeCgroupRoot.V1();

        var detection = CgroupDetector.Detect(root.Mount, string.Empty, isRoot: false);

        Assert.IsNull(detection.Layout);
        StringAssert.Contains(detection.Reason, "only root");
    }

    [TestMethod]
    public void NoCgroups_AreUnavailableWithAReason()
    {
        using var empty = new TempFolder();

        StringAssert.Contains(CgroupDetector.Detect(empty.Root, string.Empty, isRoot: true).Reason, "has neither cgroup v2");
        StringAssert.Contains(CgroupDetector.Detect(empty.PathOf("missing"), string.Empty, isRoot: true).Reason, "there is no cgroup file system");
    }

    [TestMethod]
    public void Locate_FindsTheLayoutWithoutCreatingAnything()
    {
        using var root = FakeCgroupRoot.V2();

        var located = CgroupDetector.Locate(root.Mount, OwnCgroupsV2, isRoot: true);

        Assert.AreEqual(root.PathOf("previewsdk"), located.Layout?.CpuRoot);
        Assert.IsFalse(Directory.Exists(root.PathOf("previewsdk")));
        Assert.AreEqual(string.Empty, root.Read("cgroup.subtree_control"));
    }
}
