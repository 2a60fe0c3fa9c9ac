using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// A real app host whose time to live runs out: it reads its record, stops itself, and leaves no process, state
/// folder or lock. The record is moved while it runs, as <c>-t:PreviewExtend</c> does.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ExpiryTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task AnAppHostWhoseTimeToLivePasses_StopsItselfAndRemovesItsState()
    {
        var root = Directory.CreateTempSubdirectory("preview-hosting-ttl-").FullName;
        var registry = new EnvironmentRegistry(root);
        var stateFolder = registry.FolderOf("shop", "ttl");
        var runtime = new PreviewRuntime("ttl", "lightweight", Guid.NewGuid().ToString("N"), stateFolder);
        var record = new EnvironmentRecord
        {
            Name = "ttl",
            App = "shop",
            Profile = "lightweight",
            EnvironmentId = runtime.EnvironmentId,
            HostProcessId = Environment.ProcessId,
            StartedAt = DateTimeOffset.UtcNow,
            DashboardUrl = string.Empty,
            ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
        };
        StateJson.Write(Path.Combine(stateFolder, StateFiles.Record), record);
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
            builder.AddPreviewEnvironment(runtime);
            builder.AddLocalRedis("cache");
            await using var app = builder.Build();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(120));
            var stopped = new TaskCompletionSource();
            app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() => stopped.TrySetResult());

            // As the generated Program does: run until stopped.
            var run = app.RunAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout.Token);
            var redis = EnvironmentProcesses.Find(runtime.EnvironmentId);
            Assert.IsNotEmpty(redis, "No process carries the environment id.");

            // PreviewExtend shortens it to two seconds from now; the app host re-reads its record.
            StateJson.Write(Path.Combine(stateFolder, StateFiles.Record), record with { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(2) });
            await run.WaitAsync(timeout.Token);

            Assert.IsTrue(stopped.Task.IsCompleted, "The app host did not stop.");
            Assert.IsFalse(Directory.Exists(stateFolder), "The state folder is still there.");
            Assert.IsFalse(File.Exists(registry.EnvironmentLockPath("shop", "ttl")), "The lock file is still there.");
            var survivors = EnvironmentProcesses.Find(runtime.EnvironmentId);
            Assert.IsEmpty(survivors, $"Processes of the expired environment still run: {string.Join(' ', survivors)}");
        }
        finally
        {
            EnvironmentProcesses.StopRemaining(runtime.EnvironmentId);
            Environment.SetEnvironmentVariable(PreviewVariables.EnvironmentId, null);
            Directory.Delete(root, recursive: true);
        }
    }
}
