using System.Text.Json;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Observability.Alerts;

namespace PreviewSdk.Observability.Tests.Alerts;

/// <summary>The two webhook formats of an alert and of its recovery.</summary>
[TestClass]
public sealed class AlertPayloadsTests
{
    private static readonly AlertMessage Alert = SampleAlerts.ShopApiExited;

    [TestMethod]
    public void Json_HasEveryField()
    {
        using var document = JsonDocument.Parse(AlertPayloads.Render(Alert, WebhookFormat.Json));
        var root = document.RootElement;

        Assert.AreEqual(("alert", "0001-101500", "PREVIEW6030", "feature-x", "shop", "shop-api"),
            (S(root, "kind"), S(root, "incident"), S(root, "code"), S(root, "environment"), S(root, "app"), S(root, "resource")));
        Assert.AreEqual("2026-12-01T10:15:00.0000000+00:00", S(root, "openedAt"));
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("resolvedAt").ValueKind);
        Assert.AreEqual(2, root.GetProperty("logLines").GetArrayLength());
        var links = root.GetProperty("links");
        Assert.AreEqual("http://localhost:3", links.GetProperty("services").GetProperty("shop-web").GetString());
        Assert.AreEqual(JsonValueKind.Null, links.GetProperty("directory").ValueKind, "no directory page before the gateway");
    }

    [TestMethod]
    public void Slack_HasANotificationTextAndBlocks_WithTheLogAsCodeAndTheLinks()
    {
        using var document = JsonDocument.Parse(AlertPayloads.Render(Alert with { Links = Alert.Links with { Directory = "http://devbox:7400/" } }, WebhookFormat.Slack));
        var root = document.RootElement;

        Assert.AreEqual(":rotating_light: shop-api exited with code 1 in preview feature-x: 'shop-api' exited with code 1 while preview 'feature-x' was running. Fix: restart it.", S(root, "text"));
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { "header", "section", "section", "section", "context" }, blocks.Select(b => S(b, "type")).ToArray());
        Assert.AreEqual("*PREVIEW6030* in preview `feature-x` (shop, lightweight): 'shop-api' exited with code 1 while preview 'feature-x' was running. Fix: restart it.", blocks[1].GetProperty("text").GetProperty("text").GetString());
        StringAssert.Contains(blocks[3].GetProperty("text").GetProperty("text").GetString(), "```line 1\nUnhandled exception. System.InvalidOperationException: boom```");
        Assert.AreEqual("<http://127.0.0.1:1/login?t=x|Dashboard> · <http://devbox:7400/|All links> · <http://localhost:2|shop-api> · <http://localhost:3|shop-web>",
            blocks[4].GetProperty("elements")[0].GetProperty("text").GetString());
    }

    [TestMethod]
    public void Slack_Recovery_SaysHowLongItLasted()
    {
        var recovery = Alert with { Kind = AlertMessage.RecoveryKind, Title = "shop-api recovered", LogLines = [], Details = [], ResolvedAt = Alert.OpenedAt.AddMinutes(3).AddSeconds(5) };

        using var document = JsonDocument.Parse(AlertPayloads.Render(recovery, WebhookFormat.Slack));

        Assert.AreEqual(":white_check_mark: shop-api recovered in preview feature-x: healthy again after 3m", S(document.RootElement, "text"));
        Assert.HasCount(3, document.RootElement.GetProperty("blocks").EnumerateArray().ToList());
    }

    [TestMethod]
    public void Slack_CutsLongLogsFromTheStart()
    {
        var noisy = Alert with { LogLines = Enumerable.Range(1, 500).Select(i => $"log line number {i:D4} with some text").ToList() };

        using var document = JsonDocument.Parse(AlertPayloads.Render(noisy, WebhookFormat.Slack));

        var log = document.RootElement.GetProperty("blocks")[3].GetProperty("text").GetProperty("text").GetString()!;
        Assert.IsLessThanOrEqualTo(3000, log.Length, "Slack refuses a section over 3000 characters");
        StringAssert.Contains(log, "log line number 0500");
        Assert.DoesNotContain("log line number 0001 ", log);
    }

    private static string S(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
