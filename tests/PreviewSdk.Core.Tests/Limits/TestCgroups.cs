using PreviewSdk.Core.Limits;

namespace PreviewSdk.Core.Tests.Limits;

/// <summary>
/// This machine's real cgroups, below a folder of the test's own (<c>previewsdk-test-…</c>) so that no cleanup of a
/// test touches PreviewSdk's folder or another test's; removed with everything in it when disposed.
/// </summary>
internal sealed class TestCgroups : IDisposable
{
    public TestCgroups()
    {
        Detection = CgroupDetector.Detect(
            CgroupDetector.MountPoint,
            File.Exists("/proc/self/cgroup") ? File.ReadAllText("/proc/self/cgroup") : string.Empty,
            Environment.IsPrivilegedProcess,
            "previewsdk-test-" + Guid.NewGuid().ToString("N")[..12]);
    }

    public CgroupDetection Detection { get; }

    /// <summary>The layout, or an inconclusive test (after asserting that the detection says why) on a machine without usable cgroups.</summary>
    public CgroupLayout Require()
    {
        if (Detection.Layout is { } layout)
        {
            return layout;
        }

        Assert.IsFalse(string.IsNullOrWhiteSpace(Detection.Reason), "an unavailable detection says why");
        Assert.Inconclusive($"No usable cgroups on this machine: {Detection.Reason}");
        return null!;
    }

    /// <summary>Whether process <paramref name="pid"/> says, in <c>/proc/&lt;pid&gt;/cgroup</c>, that it is in the cgroup <paramref name="folder"/>.</summary>
    public static bool Holds(string folder, int pid) =>
        File.ReadAllLines($"/proc/{pid}/cgroup")
            // "<hierarchy id>:<controllers>:<path relative to the hierarchy's mount>", e.g. "4:memory:/previewsdk/…".
            .Select(line => line.Split(':', 3)[2])
            .Any(path => path.Length > 1 && folder.EndsWith(path, StringComparison.Ordinal));

    public void Dispose()
    {
        if (Detection.Layout is not { } layout)
        {
            return;
        }

        foreach (var root in layout.Roots.Where(Directory.Exists))
        {
            foreach (var environment in Directory.EnumerateDirectories(root))
            {
                EnvironmentCgroups.Remove(layout, Path.GetFileName(environment), TimeSpan.FromSeconds(5));
            }

            Directory.Delete(root, recursive: false);
        }
    }
}
