using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// The app host's end of a repeated <c>-t:Preview</c>: a restart request written into the state folder, as the build
/// writes it, restarts the named service of a real app host (a new process, running healthy again) and is answered
/// with the request's id; a name that is no resource is answered as failed, not ignored.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class RestartRequestTests
{
    // Generous: the machine is shared, and a restart can take a minute under load.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task RestartRequest_RestartsTheNamedServiceAndAnswers_AndNamesAnUnknownOneAsFailed()
    {
        using var test = new TestRuntime(detached: true);
        var builder = test.CreateBuilder();
        builder.AddTestService("svc").WithHttpHealthCheck("/health");
        builder.AddTestService("other").WithHttpHealthCheck("/health");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(Timeout);
        await using var app = await test.StartUntilReadyAsync(builder, timeout.Token);
        var svc = ProcessOf(app, "svc");
        var other = ProcessOf(app, "other");

        var id = ServiceRestartChannel.Post(test.StateDirectory, ["svc", "nope"], Timeout);
        var result = await Task.Run(() => ServiceRestartChannel.WaitFor(test.StateDirectory, id, Timeout, () => true, timeout.Token), timeout.Token);

        Assert.IsNotNull(result, "The app host did not answer the restart request.");
        CollectionAssert.AreEqual(new[] { "svc" }, result.Restarted.ToList());
        CollectionAssert.AreEqual(new[] { "nope" }, result.Failed.Keys.ToList());
        Assert.AreEqual("'nope' is not a resource of this environment.", result.Failed["nope"]);
        Assert.AreNotEqual(svc, ProcessOf(app, "svc"), "svc runs the same process as before its restart.");
        Assert.AreEqual(other, ProcessOf(app, "other"), "A service that was not named was restarted.");
        Assert.IsTrue(app.ResourceNotifications.TryGetCurrentState("svc", out var state) && state.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            "svc was answered as restarted before it was healthy again.");
        Assert.IsFalse(File.Exists(Path.Combine(test.StateDirectory, StateFiles.RestartRequest)), "The request was left for a second restart.");
        await app.StopAsync(timeout.Token);
    }

    private static int ProcessOf(DistributedApplication app, string service)
    {
        Assert.IsTrue(app.ResourceNotifications.TryGetCurrentState(service, out var state), $"No state of {service}.");
        var pid = state.Snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value?.ToString();
        Assert.IsNotNull(pid, $"{service} reports no process id.");
        return int.Parse(pid, CultureInfo.InvariantCulture);
    }
}
