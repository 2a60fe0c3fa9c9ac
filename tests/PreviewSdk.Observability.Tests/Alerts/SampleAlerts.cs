using PreviewSdk.Observability.Alerts;

namespace PreviewSdk.Observability.Tests.Alerts;

/// <summary>An alert as the app host composes one, for the tests of its payloads and its delivery.</summary>
internal static class SampleAlerts
{
    public static AlertMessage ShopApiExited { get; } = new()
    {
        Kind = AlertMessage.AlertKind,
        IncidentId = "0001-101500",
        Code = "PREVIEW6030",
        Environment = "feature-x",
        App = "shop",
        Profile = "lightweight",
        Resource = "shop-api",
        Title = "shop-api exited with code 1",
        Message = "'shop-api' exited with code 1 while preview 'feature-x' was running. Fix: restart it.",
        Details = ["first detail"],
        LogLines = ["line 1", "Unhandled exception. System.InvalidOperationException: boom"],
        Links = new AlertLinks("http://127.0.0.1:1/login?t=x", [new("shop-api", "http://localhost:2"), new("shop-web", "http://localhost:3")]),
        OpenedAt = new DateTimeOffset(2026, 12, 1, 10, 15, 0, TimeSpan.Zero),
    };
}
