using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Manifest;

/// <summary>preview.yaml's <c>alerts:</c> and the PreviewAlertWebhook property's notation.</summary>
[TestClass]
public sealed class AlertsManifestTests
{
    private const string File = "/repo/preview/preview.yaml";

    [TestMethod]
    public void Read_WebhooksAndErrorThreshold()
    {
        var result = ManifestReader.Read(File, """
            alerts:
              webhooks:
                - url: https://hooks.slack.com/services/T0/B0/x
                - { url: "http://127.0.0.1:9000/hook", format: json }
                - url: https://chat.example/hooks/1
                  format: slack
                - https://tools.example/preview-alerts
              errors: { threshold: 5, window: 30s }
            """);

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        var alerts = result.Manifest!.Alerts!;
        Assert.AreEqual(new SourceLocation(File, 1, 1), alerts.Location);
        CollectionAssert.AreEqual(
            new[] { WebhookFormat.Slack, WebhookFormat.Json, WebhookFormat.Slack, WebhookFormat.Json },
            alerts.Webhooks.Select(w => w.Format).ToArray(),
            "Slack's own addresses are slack without format:, others json");
        Assert.AreEqual(new Located<string>("http://127.0.0.1:9000/hook", new SourceLocation(File, 4, 14)), alerts.Webhooks[1].Url);
        Assert.AreEqual((5, TimeSpan.FromSeconds(30)), (alerts.ErrorThreshold, alerts.ErrorWindow));
    }

    [TestMethod]
    public void Read_Defaults_WithoutErrorsOrWebhooks()
    {
        var alerts = ManifestReader.Read(File, "alerts: {}\n").Manifest!.Alerts!;

        Assert.IsEmpty(alerts.Webhooks);
        Assert.AreEqual((10, TimeSpan.FromMinutes(1)), (alerts.ErrorThreshold, alerts.ErrorWindow));
        Assert.IsNull(ManifestReader.Read(File, "app: shop\n").Manifest!.Alerts);
    }

    [TestMethod]
    public void Read_BadValues_AreCodedErrorsAtTheirPlace()
    {
        var result = ManifestReader.Read(File, """
            alerts:
              webhooks:
                - url: ftp://example.org/hook
                - url: hooks.slack.com/services/x
                - { url: "https://ok.example/", format: teams }
                - { format: json }
              errors: { threshold: 0, window: 5s }
            """);

        DiagnosticAssert.Exactly(result.Diagnostics, File,
            (DiagnosticCodes.WebhookUrlInvalid, 3, 12),
            (DiagnosticCodes.WebhookUrlInvalid, 4, 12),
            (DiagnosticCodes.WebhookFormatUnknown, 5, 45),
            (DiagnosticCodes.MissingRequiredKey, 6, 7),
            (DiagnosticCodes.InvalidValue, 7, 24),
            (DiagnosticCodes.ErrorWindowInvalid, 7, 35));
        StringAssert.StartsWith(result.Diagnostics[0].Message, "'alerts.webhooks[0].url' is 'ftp://example.org/hook', which is not an http or https address.");
        Assert.IsEmpty(result.Manifest!.Alerts!.Webhooks);
    }

    [TestMethod]
    [DataRow("https://hooks.slack.com/services/T/B/x", "https://hooks.slack.com/services/T/B/x", WebhookFormat.Slack)]
    [DataRow("http://127.0.0.1:5000/alerts", "http://127.0.0.1:5000/alerts", WebhookFormat.Json)]
    [DataRow("slack:https://chat.example/hooks/1", "https://chat.example/hooks/1", WebhookFormat.Slack)]
    [DataRow(" json:https://hooks.slack.com/services/T/B/x ", "https://hooks.slack.com/services/T/B/x", WebhookFormat.Json)]
    public void ParseProperty_ReadsTheAddressAndItsFormat(string text, string url, WebhookFormat format)
    {
        var webhook = WebhookAddress.ParseProperty(text, SourceLocation.WholeFile("p.csproj"));

        Assert.IsNotNull(webhook);
        Assert.AreEqual((url, format), (webhook.Url.Value, webhook.Format));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("hooks.slack.com/services/x")]
    [DataRow("teams:https://example.org/")]
    [DataRow("file:///etc/passwd")]
    public void ParseProperty_RefusesWhatIsNoWebhook(string text)
    {
        Assert.IsNull(WebhookAddress.ParseProperty(text, SourceLocation.WholeFile("p.csproj")));
    }
}
