using System.Collections.Concurrent;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Observability.Alerts;
using PreviewSdk.Observability.Tests.Infrastructure;

namespace PreviewSdk.Observability.Tests.Alerts;

/// <summary>Posting alerts to a real receiver on the loopback that fails on purpose: retries, backoff, giving up, logs.</summary>
[TestClass]
public sealed class WebhookSenderTests
{
    private static readonly RetryPolicy Quick = new(4, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(400));

    private static readonly AlertMessage Message = SampleAlerts.ShopApiExited;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task AFailingReceiver_IsTriedAgainWithBackoff_UntilItAccepts()
    {
        var calls = 0;
        using var receiver = new LoopbackServer(_ => Interlocked.Increment(ref calls) <= 2 ? new Answer(503) : new Answer(200));
        var log = new ConcurrentQueue<PreviewDiagnostic>();
        using var client = new HttpClient();

        var delivered = await new WebhookSender(client, Quick, log.Enqueue).SendAsync(Webhook(receiver, "/hook/secret-path"), Message, TestContext.CancellationToken);

        Assert.IsTrue(delivered);
        var requests = receiver.Requests.ToList();
        Assert.HasCount(3, requests);
        Assert.IsTrue(requests.All(r => r.Body == requests[0].Body && r.Method == "POST"));
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(140), requests[2].At - requests[0].At, "waited 50 ms, then 100 ms");
        CollectionAssert.AreEqual(new[] { DiagnosticCodes.WebhookAttemptFailed, DiagnosticCodes.WebhookAttemptFailed }, log.Select(d => d.Code).ToArray());
        var first = log.First();
        Assert.IsFalse(first.IsError);
        StringAssert.Contains(first.Message, $"to http://{receiver.Url.Authority}/… failed (attempt 1 of 4): the receiver answered 503 ServiceUnavailable; trying again in 50 ms.");
        Assert.DoesNotContain("secret-path", first.Message, "the path of a webhook is its secret");
    }

    [TestMethod]
    public async Task AReceiverThatNeverAccepts_IsGivenUpOnAfterEveryAttempt()
    {
        using var receiver = new LoopbackServer(_ => new Answer(500));
        var log = new ConcurrentQueue<PreviewDiagnostic>();
        using var client = new HttpClient();

        var delivered = await new WebhookSender(client, Quick, log.Enqueue).SendAsync(Webhook(receiver, "/"), Message, TestContext.CancellationToken);

        Assert.IsFalse(delivered);
        Assert.HasCount(4, receiver.Requests);
        Assert.AreEqual(DiagnosticCodes.WebhookDeliveryFailed, log.Last().Code);
        StringAssert.Contains(log.Last().Message, "after 4 attempt(s): the receiver answered 500 InternalServerError.");
    }

    [TestMethod]
    public async Task ARevokedWebhook_IsNotTriedAgain()
    {
        using var receiver = new LoopbackServer(_ => new Answer(410));
        var log = new ConcurrentQueue<PreviewDiagnostic>();
        using var client = new HttpClient();

        Assert.IsFalse(await new WebhookSender(client, Quick, log.Enqueue).SendAsync(Webhook(receiver, "/"), Message, TestContext.CancellationToken));
        Assert.HasCount(1, receiver.Requests);
        Assert.AreEqual(DiagnosticCodes.WebhookDeliveryFailed, log.Single().Code);
    }

    [TestMethod]
    public async Task TheOutbox_DeliversInOrderPerWebhook_AndADeadOneHoldsUpNoOther()
    {
        using var alive = new LoopbackServer(_ => new Answer(200));
        using var dead = new LoopbackServer(_ => new Answer(503, Delay: TimeSpan.FromSeconds(2)));
        using var client = new HttpClient();
        var outbox = new AlertOutbox([Webhook(dead, "/"), Webhook(alive, "/")], new WebhookSender(client, Quick, _ => { }));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        var running = outbox.RunAsync(stop.Token);

        outbox.Post(Message);
        outbox.Post(Message with { Kind = AlertMessage.RecoveryKind });
        var delivered = await alive.WaitForRequestsAsync(2, TimeSpan.FromSeconds(10));

        var kinds = delivered.Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("kind").GetString()).ToList();
        Assert.AreEqual("alert,recovery", string.Join(',', kinds));
        Assert.IsLessThanOrEqualTo(1, dead.Requests.Count, "still on its first attempt");
        stop.Cancel();
        await running;
    }

    [TestMethod]
    public void RetryPolicy_DoublesUpToItsMaximum_AndHonoursALongerRetryAfter()
    {
        var policy = RetryPolicy.Default;

        CollectionAssert.AreEqual(new[] { 1, 2, 4, 8, 16, 30, 30 }, Enumerable.Range(1, 7).Select(a => (int)policy.DelayAfter(a).TotalSeconds).ToArray());
        Assert.AreEqual(TimeSpan.FromSeconds(7), policy.DelayAfter(1, TimeSpan.FromSeconds(7)));
        Assert.AreEqual(TimeSpan.FromSeconds(30), policy.DelayAfter(1, TimeSpan.FromHours(1)), "a receiver cannot make it wait for ever");
        Assert.AreEqual(TimeSpan.FromSeconds(4), policy.DelayAfter(3, TimeSpan.FromSeconds(1)), "nor shorter than the backoff");
    }

    private static WebhookEntry Webhook(LoopbackServer receiver, string path) =>
        new(new Located<string>(new Uri(receiver.Url, path).ToString(), default), WebhookFormat.Json);
}
