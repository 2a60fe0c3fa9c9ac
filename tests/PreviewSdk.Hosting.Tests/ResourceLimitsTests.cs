using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Limits;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// <c>WithResourceLimits</c>: what it records in the model, and, with a real process, the cgroup the replica runs in,
/// the dashboard property and the links. Where the machine has no usable cgroups the real tests assert the best
/// effort instead.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ResourceLimitsTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly ResourceLimits HalfACpuAnd64Mi = new(0.5, 64L << 20);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task WithResourceLimits_OnAProject_RecordsTheLimitsAndTellsTheDotnetRuntime()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var project = builder.AddProject("api", "../api/api.csproj", launchProfileName: null)
            .WithResourceLimits(new ResourceLimits(2, 1L << 30))
            .WithResourceLimits(new ResourceLimits(0.5, 512L << 20));

        Assert.AreEqual(new ResourceLimits(0.5, 512L << 20), project.Resource.Annotations.OfType<PreviewLimitsAnnotation>().Single().Limits, "the last call wins");
        var environment = await GetEnvironmentAsync(project.Resource);
        Assert.AreEqual("1", environment["DOTNET_PROCESSOR_COUNT"]);
        Assert.AreEqual("0x18000000", environment["DOTNET_GCHeapHardLimit"], "75% of 512 MiB, in hexadecimal");
    }

    [TestMethod]
    public async Task WithResourceLimits_NoneOrOnAnExecutable_SetsNoDotnetVariables()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var unlimited = builder.AddProject("api", "../api/api.csproj", launchProfileName: null).WithResourceLimits(ResourceLimits.None);
        var executable = builder.AddExecutable("tool", "sleep", ".", "1").WithResourceLimits(HalfACpuAnd64Mi);

        Assert.IsEmpty(unlimited.Resource.Annotations.OfType<PreviewLimitsAnnotation>());
        Assert.IsFalse((await GetEnvironmentAsync(unlimited.Resource)).ContainsKey("DOTNET_GCHeapHardLimit"));
        Assert.AreEqual(HalfACpuAnd64Mi, executable.Resource.Annotations.OfType<PreviewLimitsAnnotation>().Single().Limits);
        Assert.IsFalse((await GetEnvironmentAsync(executable.Resource)).ContainsKey("DOTNET_GCHeapHardLimit"));
    }

    [TestMethod]
    public async Task AReplicaWithLimits_RunsInItsCgroupWithItsChildren_AndTheDashboardAndLinksSayHow()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        // Like `dotnet run`, whose child is the service: the reported process is the parent.
        builder.AddExecutable("worker", "/bin/sh", ".", "-c", "sleep 300 & wait").WithResourceLimits(HalfACpuAnd64Mi);
        var detection = CgroupDetector.Detect();

        await using var app = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        await app.StartAsync(timeout.Token);
        var limitsShown = await app.ResourceNotifications.WaitForResourceAsync("worker", e => Property(e, "preview.limits") is not null
            && (detection.Layout is null || Property(e, "preview.limits.cgroup") is not null), timeout.Token);
        var links = await TestRuntime.WaitForFileAsync<EnvironmentLinks>(Path.Combine(test.StateDirectory, StateFiles.LinksJson), timeout.Token);

        var applied = links.Limits.Single();
        Assert.AreEqual("worker", applied.Service);
        Assert.AreEqual(HalfACpuAnd64Mi, applied.Limits);
        Assert.AreEqual(applied.Describe(), Property(limitsShown, "preview.limits"));
        if (detection.Layout is not { } layout)
        {
            TestContext.WriteLine($"No usable cgroups here: {detection.Reason}");
            Assert.AreEqual(LimitsEnforcement.NotEnforced, applied.Enforcement);
            Assert.AreEqual(detection.Reason, applied.Reason);
            await app.StopAsync(timeout.Token);
            return;
        }

        Assert.AreEqual(LimitsEnforcement.Cgroup, applied.Enforcement);
        Assert.AreEqual($"cpu 0.5, memory 64 MiB ({layout.Describe()})", Property(limitsShown, "preview.limits"));
        var folders = Property(limitsShown, "preview.limits.cgroup")!.Split(' ');
        var pid = int.Parse(Property(limitsShown, "executable.pid")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(folders.All(folder => folder.StartsWith(Path.Combine(layout.CpuRoot, test.Runtime.EnvironmentId, "worker", limitsShown.ResourceId), StringComparison.Ordinal)
            || folder.StartsWith(Path.Combine(layout.MemoryRoot, test.Runtime.EnvironmentId, "worker", limitsShown.ResourceId), StringComparison.Ordinal)), string.Join(' ', folders));
        Assert.IsTrue(SpinWait.SpinUntil(() => EnvironmentCgroups.ProcessesOf(layout, test.Runtime.EnvironmentId).Count >= 2, TimeSpan.FromSeconds(10)),
            "the shell and its sleep are both in the cgroup");
        CollectionAssert.Contains(EnvironmentCgroups.ProcessesOf(layout, test.Runtime.EnvironmentId).ToList(), pid);
        var memoryFile = layout.Version == CgroupVersion.V2 ? Path.Combine(folders[0], "memory.max") : Path.Combine(folders[1], "memory.limit_in_bytes");
        Assert.AreEqual("67108864", File.ReadAllText(memoryFile).Trim());

        await app.StopAsync(timeout.Token);
    }

    [TestMethod]
    public async Task WithCgroupsTurnedOff_TheLimitsAreReportedAsNotEnforcedWithTheReason()
    {
        using var test = new TestRuntime();
        Environment.SetEnvironmentVariable(CgroupDetector.SwitchVariable, "off");
        try
        {
            var builder = test.CreateBuilder();
            builder.AddExecutable("worker", "sleep", ".", "300").WithResourceLimits(HalfACpuAnd64Mi);

            await using var app = builder.Build();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
            timeout.CancelAfter(StartTimeout);
            await app.StartAsync(timeout.Token);
            var shown = await app.ResourceNotifications.WaitForResourceAsync("worker", e => Property(e, "preview.limits") is not null, timeout.Token);
            var links = await TestRuntime.WaitForFileAsync<EnvironmentLinks>(Path.Combine(test.StateDirectory, StateFiles.LinksJson), timeout.Token);

            Assert.AreEqual("cpu 0.5, memory 64 MiB (not enforced)", Property(shown, "preview.limits"));
            Assert.IsNull(Property(shown, "preview.limits.cgroup"));
            var applied = links.Limits.Single();
            Assert.AreEqual(LimitsEnforcement.NotEnforced, applied.Enforcement);
            Assert.AreEqual("turned off by PREVIEW_CGROUPS=off", applied.Reason);
            Assert.IsEmpty(CgroupDetector.Locate().Layout is { } layout ? EnvironmentCgroups.ProcessesOf(layout, test.Runtime.EnvironmentId) : []);
            StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(test.StateDirectory, StateFiles.LinksMarkdown), timeout.Token), "Limits per replica: worker: cpu 0.5, memory 64 MiB (not enforced).");
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CgroupDetector.SwitchVariable, null);
        }
    }

    // Only the callbacks' own values: enough to see what WithResourceLimits adds, without running anything.
    private static Task<Dictionary<string, object>> GetEnvironmentAsync(IResource resource) => ResourceEnvironment.OfAsync(resource);

    private static string? Property(ResourceEvent update, string name) =>
        update.Snapshot.Properties.FirstOrDefault(property => property.Name == name)?.Value?.ToString();
}
