using PreviewSdk.Observability.Alerts;

namespace PreviewSdk.Observability.Tests.Alerts;

[TestClass]
public sealed class ErrorLogWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void MoreThanTheThresholdWithinTheWindow_IsAProblemUntilTheWindowPasses()
    {
        var window = new ErrorLogWindow(threshold: 3, TimeSpan.FromSeconds(30));
        for (var i = 1; i <= 3; i++)
        {
            window.Add("api", T0.AddSeconds(i), $"error {i}");
        }

        Assert.IsNull(window.ProblemOf("api", T0.AddSeconds(4)), "3 is not more than 3");
        window.Add("api", T0.AddSeconds(5), "error 4");
        var problem = window.ProblemOf("api", T0.AddSeconds(5))!;
        Assert.AreEqual((ProblemKind.ErrorLogs, "logged more than 3 errors within 30s"), (problem.Kind, problem.Summary));
        CollectionAssert.AreEqual(new[] { "error 1", "error 2", "error 3", "error 4" }, problem.Details.ToArray());
        Assert.IsNull(window.ProblemOf("web", T0.AddSeconds(5)));
        Assert.IsNull(window.ProblemOf("api", T0.AddSeconds(32)), "the first error left the window");
    }

    [TestMethod]
    public void ABurst_KeepsNoMoreThanItNeeds()
    {
        var window = new ErrorLogWindow(threshold: 10, TimeSpan.FromMinutes(1));
        for (var i = 0; i < 100_000; i++)
        {
            window.Add("api", T0, "error");
        }

        Assert.HasCount(5, window.ProblemOf("api", T0)!.Details, "the latest messages only");
    }
}
