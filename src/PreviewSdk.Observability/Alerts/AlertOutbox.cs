using System.Threading.Channels;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Observability.Alerts;

/// <summary>
/// Delivers alerts to every webhook in the background, one queue per webhook, so an alert and its recovery arrive in
/// order and a slow or dead receiver delays nothing else: neither the environment nor the other webhooks.
/// </summary>
public sealed class AlertOutbox
{
    private readonly List<(WebhookEntry Webhook, Channel<AlertMessage> Queue)> queues;
    private readonly WebhookSender sender;

    /// <summary>An outbox for <paramref name="webhooks"/>, each delivered by <paramref name="sender"/>.</summary>
    public AlertOutbox(IReadOnlyList<WebhookEntry> webhooks, WebhookSender sender)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        this.sender = sender;
        // Bounded: a receiver down for hours keeps the newest messages, not all of them.
        queues = webhooks
            .Select(webhook => (webhook, Channel.CreateBounded<AlertMessage>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true })))
            .ToList();
    }

    /// <summary>The webhooks it delivers to.</summary>
    public IReadOnlyList<WebhookEntry> Webhooks => queues.Select(queue => queue.Webhook).ToList();

    /// <summary>Queues <paramref name="message"/> for every webhook; returns at once.</summary>
    public void Post(AlertMessage message)
    {
        foreach (var (_, queue) in queues)
        {
            queue.Writer.TryWrite(message);
        }
    }

    /// <summary>Delivers until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(queues.Select(queue => DeliverAsync(queue.Webhook, queue.Queue.Reader, cancellationToken)));

    private async Task DeliverAsync(WebhookEntry webhook, ChannelReader<AlertMessage> queue, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in queue.ReadAllAsync(cancellationToken))
            {
                await sender.SendAsync(webhook, message, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping; what is still queued is not sent.
        }
    }
}
