using PreviewSdk.Core.Limits;

namespace PreviewSdk.Core.Tests.Limits;

/// <summary>What needs no real cgroups about an environment's cgroups (the rest is in <see cref="RealCgroupTests"/>).</summary>
[TestClass]
public sealed class EnvironmentCgroupsTests
{
    [TestMethod]
    public void AnIdThatCannotNameACgroup_HasNoCgroupsToListOrRemove()
    {
        using var root = FakeCgroupRoot.V2();
        var layout = CgroupDetector.Detect(root.Mount, string.Empty, isRoot: true).Layout!;

        Assert.IsEmpty(EnvironmentCgroups.ProcessesOf(layout, "../.."));
        Assert.IsNull(EnvironmentCgroups.Remove(layout, "a/b", TimeSpan.Zero));
        Assert.IsEmpty(EnvironmentCgroups.ProcessesOf(layout, "never-started"), "an environment without cgroups has no processes in them");
    }
}
