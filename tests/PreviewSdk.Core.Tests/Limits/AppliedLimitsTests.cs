using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Limits;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Tests.Limits;

[TestClass]
public sealed class AppliedLimitsTests
{
    private static readonly ResourceLimits Limits = new(0.5, 512L * 1024 * 1024);

    [TestMethod]
    public void Describe_SaysHowTheLimitsAreKept()
    {
        Assert.AreEqual("cpu 0.5, memory 512 MiB (cgroup v2)", new AppliedLimits("api", Limits, LimitsEnforcement.Cgroup, "cgroup v2").Describe());
        Assert.AreEqual(
            "cpu 0.5, memory 512 MiB (best effort: DOTNET_PROCESSOR_COUNT=1, DOTNET_GCHeapHardLimit=384 MiB)",
            new AppliedLimits("api", Limits, LimitsEnforcement.BestEffort, DotnetLimitVariables.Describe(Limits)).Describe());
        Assert.AreEqual("cpu 0.5, memory 512 MiB (not enforced)", new AppliedLimits("redis", Limits, LimitsEnforcement.NotEnforced, string.Empty).Describe());
    }

    [TestMethod]
    public void ToWarning_OnlyWithoutCgroups_WithTheReasonAndWhatWasApplied()
    {
        var location = SourceLocation.WholeFile("Shop.Preview.csproj");
        Assert.IsNull(new AppliedLimits("api", Limits, LimitsEnforcement.Cgroup, "cgroup v1").ToWarning(location));

        var warning = new AppliedLimits("api", Limits, LimitsEnforcement.BestEffort, "DOTNET_PROCESSOR_COUNT=1") { Reason = "turned off by PREVIEW_CGROUPS=off" }.ToWarning(location)!;
        var notEnforced = new AppliedLimits("redis", Limits, LimitsEnforcement.NotEnforced, string.Empty) { Reason = "the machine has cgroup v1, which only root can use" }.ToWarning(location)!;

        Assert.AreEqual(DiagnosticCodes.LimitsBestEffort, warning.Code);
        Assert.IsFalse(warning.IsError);
        StringAssert.StartsWith(warning.Message, "Service 'api' is limited to cpu 0.5, memory 512 MiB, but cgroups cannot be used here (turned off by PREVIEW_CGROUPS=off), so only best effort was applied: DOTNET_PROCESSOR_COUNT=1. Fix: ");
        StringAssert.Contains(notEnforced.Message, "only best effort was applied: nothing, as it is not a .NET service.");
    }
}
