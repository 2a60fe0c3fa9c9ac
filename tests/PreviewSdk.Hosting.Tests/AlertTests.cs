using System.Diagnostics;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Observability.Tests.Infrastructure;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// Alerts of a real app host with a real service, posted to a real webhook receiver on the loopback: a killed
/// process, a failing check and a burst of error logs each raise one alert, and a recovery message follows once the
/// service is healthy again.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class AlertTests
{
    // Generous: the machine is shared, and a restart or a dashboard start can take a minute under load.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(360);

    public TestContext TestContext { get; set; } = null!;

    // An environment with one service, "svc", and alerts posted as JSON to receiver's /hooks/preview. Healthy once it
    // serves, so the environment is ready only after the service wrote its first lines.
    private static Task<DistributedApplication> StartServiceWithWebhookAsync(TestRuntime test, LoopbackServer receiver, CancellationToken cancellationToken)
    {
        var manifest = test.Write("preview.yaml", $"alerts:\n  webhooks:\n    - {{ url: \"{receiver.Url}hooks/preview\", format: json }}\n");
        var builder = test.CreateBuilder();
        builder.AddPreviewAlerts(manifest);
        builder.AddTestService("svc").WithHttpHealthCheck("/health");
        return test.StartUntilReadyAsync(builder, cancellationToken);
    }

    [TestMethod]
    public async Task ASigkilledService_RaisesOneAlertWithin30Seconds_AndARecoveryOnceItRunsAgain()
    {
        using var test = new TestRuntime();
        using var receiver = new LoopbackServer(_ => new Answer(200));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(Timeout);
        await using var app = await StartServiceWithWebhookAsync(test, receiver, timeout.Token);
        var running = await app.ResourceNotifications.WaitForResourceAsync("svc", e => Pid(e) is not null, timeout.Token);

        var killedAt = Stopwatch.StartNew();
        Process.GetProcessById(Pid(running)!.Value).Kill();
        var alerts = await receiver.WaitForRequestsAsync(1, TimeSpan.FromSeconds(30));
        var arrival = killedAt.Elapsed;

        Assert.HasCount(1, alerts, "no alert within 30 s of the SIGKILL");
        TestContext.WriteLine($"SIGKILL to alert: {arrival.TotalSeconds:0.00} s");
        using (var alert = JsonDocument.Parse(alerts[0].Body))
        {
            var root = alert.RootElement;
            Assert.AreEqual(("/hooks/preview", "application/json; charset=utf-8"), (alerts[0].PathAndQuery, alerts[0].Headers["Content-Type"]));
            Assert.AreEqual(("alert", DiagnosticCodes.AlertResourceExited, "svc", "test"), (Text(root, "kind"), Text(root, "code"), Text(root, "resource"), Text(root, "environment")));
            StringAssert.StartsWith(Text(root, "message"), "'svc' ");
            StringAssert.Contains(Text(root, "message"), "while preview 'test' was running. Fix: ");
            Assert.IsTrue(root.GetProperty("logLines").EnumerateArray().Any(line => line.GetString()!.Contains("Now listening on", StringComparison.Ordinal)), root.ToString());
            Assert.IsTrue(root.GetProperty("links").GetProperty("services").TryGetProperty("svc", out _), root.ToString());
        }

        var report = StateJson.TryRead<AlertsReport>(Path.Combine(test.StateDirectory, StateFiles.Alerts))!;
        Assert.AreEqual(("svc", DiagnosticCodes.AlertResourceExited), (report.Open.Single().Resource, report.Open.Single().Code));
        var environment = await app.ResourceNotifications.WaitForResourceAsync(PreviewEnvironmentResource.DefaultName, e => e.Snapshot.State?.Text == "1 alert", timeout.Token);
        StringAssert.Contains(environment.Snapshot.Properties.Single(p => p.Name == "preview.alerts").Value?.ToString(), "svc");

        // Exactly once: nothing more while it stays down.
        await Task.Delay(TimeSpan.FromSeconds(5), timeout.Token);
        Assert.HasCount(1, receiver.Requests);

        var start = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("svc", KnownResourceCommands.StartCommand, timeout.Token);
        Assert.IsTrue(start.Success, start.Message);
        var both = await receiver.WaitForRequestsAsync(2, TimeSpan.FromSeconds(150));
        Assert.HasCount(2, both, "no recovery message after the service ran again");
        using (var recovery = JsonDocument.Parse(both[1].Body))
        {
            var root = recovery.RootElement;
            Assert.AreEqual(("recovery", "svc"), (Text(root, "kind"), Text(root, "resource")));
            Assert.AreEqual(Text(JsonDocument.Parse(both[0].Body).RootElement, "incident"), Text(root, "incident"), "the recovery names the alert's incident");
            Assert.AreNotEqual(JsonValueKind.Null, root.GetProperty("resolvedAt").ValueKind);
        }

        Assert.IsEmpty(StateJson.TryRead<AlertsReport>(Path.Combine(test.StateDirectory, StateFiles.Alerts))!.Open);
        await app.StopAsync(timeout.Token);
        Assert.HasCount(2, receiver.Requests, "stopping the app host is no incident");
    }

    [TestMethod]
    public async Task ARestartSomeoneAskedFor_RaisesNoAlert_ThoughTheNewProcessIsUnhealthyUntilItsFirstCheck()
    {
        using var test = new TestRuntime();
        using var receiver = new LoopbackServer(_ => new Answer(200));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(Timeout);
        await using var app = await StartServiceWithWebhookAsync(test, receiver, timeout.Token);
        var before = (await app.ResourceNotifications.WaitForResourceAsync("svc", e => Pid(e) is not null, timeout.Token)).Snapshot.StartTimeStamp;

        // Aspire's Restart: the dashboard's button, and what Reset and a repeated -t:Preview run.
        var restart = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("svc", KnownResourceCommands.RestartCommand, timeout.Token);
        Assert.IsTrue(restart.Success, restart.Message);
        await app.ResourceNotifications.WaitForResourceAsync("svc",
            e => e.Snapshot.StartTimeStamp != before && e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);

        Assert.IsEmpty(receiver.Requests, string.Join("\n", receiver.Requests.Select(request => request.Body)));
        Assert.IsEmpty(StateJson.TryRead<AlertsReport>(Path.Combine(test.StateDirectory, StateFiles.Alerts))?.Open ?? []);
        await app.StopAsync(timeout.Token);
    }

    [TestMethod]
    public async Task AFailingCheck_RaisesASlackAlert_AndItsRecovery()
    {
        using var test = new TestRuntime();
        using var receiver = new LoopbackServer(_ => new Answer(200));
        var manifest = test.Write("preview.yaml", $$"""
            alerts:
              webhooks:
                - { url: "{{receiver.Url}}slack", format: slack }
            checks:
              svc:
                flaky: { path: /flaky, interval: 5s }
            """);
        var builder = test.CreateBuilder();
        builder.AddPreviewAlerts(manifest);
        var service = builder.AddTestService("svc").WithSyntheticChecks(manifest);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(Timeout);
        await using var app = await test.StartUntilReadyAsync(builder, timeout.Token);
        using var client = new HttpClient { BaseAddress = new Uri(service.Resource.GetEndpoint("http").Url) };

        (await client.PostAsync("/break", null, timeout.Token)).EnsureSuccessStatusCode();
        var alerts = await receiver.WaitForRequestsAsync(1, TimeSpan.FromSeconds(120));

        Assert.HasCount(1, alerts);
        using (var slack = JsonDocument.Parse(alerts[0].Body))
        {
            var text = Text(slack.RootElement, "text");
            StringAssert.StartsWith(text, ":rotating_light: svc fails a check in preview test: 'svc' fails its check in preview 'test': PREVIEW6001: Check 'svc/flaky' failed");
            var blocks = slack.RootElement.GetProperty("blocks").EnumerateArray().ToList();
            Assert.AreEqual("header", Text(blocks[0], "type"));
            StringAssert.Contains(blocks[1].GetProperty("text").GetProperty("text").GetString(), $"*{DiagnosticCodes.AlertCheckFailing}* in preview `test`");
        }

        (await client.PostAsync("/mend", null, timeout.Token)).EnsureSuccessStatusCode();
        var both = await receiver.WaitForRequestsAsync(2, TimeSpan.FromSeconds(150));
        Assert.HasCount(2, both);
        StringAssert.StartsWith(Text(JsonDocument.Parse(both[1].Body).RootElement, "text"), ":white_check_mark: svc recovered in preview test: healthy again after ");
        await app.StopAsync(timeout.Token);
    }

    [TestMethod]
    public async Task ABurstOfErrorLogs_RaisesOneAlertFromTheDashboardsTelemetry()
    {
        using var test = new TestRuntime();
        using var receiver = new LoopbackServer(_ => new Answer(200));
        var manifest = test.Write("preview.yaml", $$"""
            alerts:
              webhooks: [ "{{receiver.Url}}errors" ]
              errors: { threshold: 5, window: 30s }
            """);
        var builder = test.CreateBuilder(dashboard: true);
        builder.AddPreviewAlerts(manifest);
        var service = builder.AddTestService("svc");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(Timeout);
        await using var app = await test.StartUntilReadyAsync(builder, timeout.Token);
        using var client = new HttpClient { BaseAddress = new Uri(service.Resource.GetEndpoint("http").Url) };

        (await client.PostAsync("/errors?count=40", null, timeout.Token)).EnsureSuccessStatusCode();
        var alerts = await receiver.WaitForRequestsAsync(1, TimeSpan.FromSeconds(120));

        Assert.HasCount(1, alerts, "no alert for 40 error logs");
        using (var alert = JsonDocument.Parse(alerts[0].Body))
        {
            var root = alert.RootElement;
            Assert.AreEqual(("alert", DiagnosticCodes.AlertErrorLogs, "svc"), (Text(root, "kind"), Text(root, "code"), Text(root, "resource")));
            StringAssert.StartsWith(Text(root, "message"), "'svc' logged more than 5 errors within 30s in preview 'test'.");
            StringAssert.Contains(root.GetProperty("details")[0].GetString(), "on purpose");
        }

        // Not one per line: the rest of the burst arrives within the same incident.
        await Task.Delay(TimeSpan.FromSeconds(8), timeout.Token);
        Assert.HasCount(1, receiver.Requests);
        await app.StopAsync(timeout.Token);
    }

    private static int? Pid(ResourceEvent update) =>
        update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
        && int.TryParse(value.ToString(), out var pid) && update.Snapshot.State?.Text == KnownResourceStates.Running ? pid : null;

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString() ?? string.Empty;
}
