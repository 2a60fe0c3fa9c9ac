using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// Checks in a real app host against a real service: they start when the environment is ready, a failing one turns
/// the service unhealthy (red in the dashboard) with its failure in the health report, and Run checks reports it.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SyntheticCheckTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task AFailingCheck_TurnsTheServiceUnhealthy_AndRunChecksSaysWhichAndWhy()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        builder.AddTestService("svc")
            .WithSyntheticCheck(CheckEntry.Create("svc", "home", "/") with { BodyContains = "ok" })
            .WithSyntheticCheck(CheckEntry.Create("svc", "broken", "/broken") with { Interval = TimeSpan.FromSeconds(5) });

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(Timeout);

        // Healthy until the environment is ready: a check that fails from the start does not hold the start up.
        await using var app = await test.StartUntilReadyAsync(builder, timeout.Token);
        var red = await app.ResourceNotifications.WaitForResourceAsync("svc", e => e.Snapshot.HealthStatus == HealthStatus.Unhealthy, timeout.Token);

        var reports = red.Snapshot.HealthReports.ToDictionary(report => report.Name);
        Assert.AreEqual(HealthStatus.Healthy, reports["check:svc/home"].Status, reports["check:svc/home"].Description);
        var broken = reports["check:svc/broken"];
        Assert.AreEqual(HealthStatus.Unhealthy, broken.Status);
        StringAssert.StartsWith(broken.Description, $"{DiagnosticCodes.CheckWrongStatus}: Check 'svc/broken' failed: GET http://");
        StringAssert.Contains(broken.Description, "/broken answered 500 InternalServerError, expected 200 OK.");
        Assert.AreEqual("1 of 2 passing", red.Snapshot.Properties.Single(p => p.Name == SyntheticCheckBuilderExtensions.ChecksProperty).Value);

        var command = await app.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync("svc", SyntheticCheckBuilderExtensions.RunChecksCommand, timeout.Token);
        Assert.IsFalse(command.Success);
        StringAssert.StartsWith(command.Message, "1 of 2 checks failed: PREVIEW6001: Check 'svc/broken' failed");
        await app.StopAsync(timeout.Token);
    }

    [TestMethod]
    public async Task WithSyntheticChecks_ReadsTheServicesChecksFromPreviewYaml()
    {
        using var test = new TestRuntime();
        var manifest = test.Write("preview.yaml", """
            checks:
              svc:
                home: /
                api: { method: POST, path: /errors?count=0, interval: 10s }
              other:
                page: /
            """);
        var builder = test.CreateBuilder();

        var service = builder.AddTestService("svc").WithSyntheticChecks(manifest);

        var checks = service.Resource.Annotations.OfType<PreviewCheckAnnotation>().ToList();
        CollectionAssert.AreEqual(new[] { "check:svc/home", "check:svc/api" }, checks.Select(c => c.HealthCheckKey).ToArray());
        Assert.AreEqual(("POST", TimeSpan.FromSeconds(10)), (checks[1].Check.Method, checks[1].Check.Interval));
        CollectionAssert.AreEqual(new[] { "check:svc/home", "check:svc/api" }, service.Resource.Annotations.OfType<HealthCheckAnnotation>().Select(h => h.Key).ToArray());
        Assert.AreEqual(1, service.Resource.Annotations.OfType<ResourceCommandAnnotation>().Count(c => c.Name == SyntheticCheckBuilderExtensions.RunChecksCommand));
    }
}
