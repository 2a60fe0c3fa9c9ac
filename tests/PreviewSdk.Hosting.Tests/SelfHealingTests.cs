using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// A real app host with a real Redis and a process that depends on it: a killed Redis is started again as the
/// profile's restart policy says, the dependent's health follows it both ways, and once the policy gives up the
/// resource stays down with PREVIEW2031 in the failure report.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SelfHealingTests
{
    private static readonly TimeSpan DependentFollowsWithin = TimeSpan.FromSeconds(10);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void TheHealthReportsOfASnapshot_CanBeReplaced_OnThisAspire()
    {
        // DependencyHealth and RestartSupervisor rely on it; an Aspire update that takes it away must fail here.
        Assert.IsTrue(SnapshotHealth.IsSupported);
        var snapshot = new CustomResourceSnapshot { ResourceType = "Executable", Properties = [], State = KnownResourceStates.Running };

        var unhealthy = SnapshotHealth.WithReports(snapshot, [new HealthReportSnapshot("x", HealthStatus.Unhealthy, null, null)]);

        Assert.AreEqual(HealthStatus.Healthy, snapshot.HealthStatus);
        Assert.AreEqual(HealthStatus.Unhealthy, unhealthy.HealthStatus);
    }

    [TestMethod]
    public async Task AKilledBackingServer_IsRestarted_ItsDependentFollows_AndTheLimitLeavesItDown()
    {
        var root = Directory.CreateTempSubdirectory("preview-hosting-heal-").FullName;
        var stateFolder = new EnvironmentRegistry(root).FolderOf("shop", "heal");
        var runtime = new PreviewRuntime("heal", "lightweight", Guid.NewGuid().ToString("N"), stateFolder);
        Environment.SetEnvironmentVariable(PreviewVariables.EnvironmentId, runtime.EnvironmentId);
        try
        {
            var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
            {
                Args = [],
                DisableDashboard = true,
                AllowUnsecuredTransport = true,
                AssemblyName = "PreviewSdk.Hosting.TestHost",
            });
            builder.Services.AddSingleton(new EffectiveProfile("lightweight", TimeSpan.FromHours(1), new Dictionary<string, ServiceProfile>(), new Dictionary<string, DependencyProfile>())
            {
                Restart = new RestartPolicy(2, TimeSpan.FromSeconds(1)),
            });
            builder.AddPreviewEnvironment(runtime);
            var cache = builder.AddLocalRedis("cache");
            builder.AddExecutable("sleeper", "sleep", root, "3600").WaitFor(cache);
            await using var app = builder.Build();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(4));
            await app.StartAsync(timeout.Token);
            await WaitUntil(() => File.Exists(Path.Combine(stateFolder, StateFiles.Ready)), "the environment became ready", timeout.Token);

            for (var kill = 1; kill <= 2; kill++)
            {
                var killed = KillRedis(runtime);
                var stopwatch = Stopwatch.StartNew();
                await app.ResourceNotifications.WaitForResourceAsync("sleeper", e => e.Snapshot.HealthStatus == HealthStatus.Unhealthy, timeout.Token);
                Assert.IsLessThan(DependentFollowsWithin, stopwatch.Elapsed, $"the dependent followed its dead dependency after {stopwatch.Elapsed}");

                // Not WaitForResourceHealthyAsync: it gives up on a resource that is stopped when asked.
                await app.ResourceNotifications.WaitForResourceAsync("cache", e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy, timeout.Token);
                await app.ResourceNotifications.WaitForResourceAsync("sleeper", e => e.Snapshot.HealthStatus == HealthStatus.Healthy, timeout.Token);
                Assert.AreNotEqual(killed, RedisProcess(runtime), "the same Redis process runs: it was never killed");
                TestContext.WriteLine($"Restart {kill}: healthy again after {stopwatch.Elapsed.TotalSeconds:0.0} s.");
            }

            // The third stop in a row is one more than the policy's two restarts: it stays down.
            KillRedis(runtime);
            var failed = Path.Combine(stateFolder, StateFiles.Failed);
            await WaitUntil(() => File.Exists(failed), "the failure report was written", timeout.Token);
            var report = StateJson.TryRead<FailureReport>(failed)!;
            StringAssert.Contains(report.Reason, "stays down after 2 restarts");
            await Task.Delay(TimeSpan.FromSeconds(5), timeout.Token);
            Assert.IsNull(RedisProcess(runtime), "Redis was restarted beyond the policy");
            Assert.IsTrue(app.ResourceNotifications.TryGetCurrentState("sleeper", out var sleeper) && sleeper.Snapshot.HealthStatus == HealthStatus.Unhealthy);

            await app.StopAsync(timeout.Token);
        }
        finally
        {
            EnvironmentProcesses.StopRemaining(runtime.EnvironmentId);
            Environment.SetEnvironmentVariable(PreviewVariables.EnvironmentId, null);
            Directory.Delete(root, recursive: true);
        }
    }

    private static int KillRedis(PreviewRuntime runtime)
    {
        var pid = RedisProcess(runtime) ?? throw new AssertFailedException("No Redis process carries the environment id.");
        Process.GetProcessById(pid).Kill();
        return pid;
    }

    private static int? RedisProcess(PreviewRuntime runtime) =>
        EnvironmentProcesses.Find(runtime.EnvironmentId)
            .Where(pid => ReadCommandLine(pid).StartsWith("redis-server", StringComparison.Ordinal) || ReadCommandLine(pid).Contains("/redis-server", StringComparison.Ordinal))
            .Select(pid => (int?)pid)
            .FirstOrDefault();

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static async Task WaitUntil(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            Assert.IsFalse(cancellationToken.IsCancellationRequested, $"Timed out before {what}.");
            await Task.Delay(100, cancellationToken);
        }
    }
}
