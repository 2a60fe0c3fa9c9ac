using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Budgets;

[TestClass]
public sealed class BudgetCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly EnvironmentFootprint Small = new(1.5, 3L << 29);

    [TestMethod]
    public void Exceeded_WithinEveryLimit_IsEmpty()
    {
        var budget = new TeamBudget("shop", 3, 4, 4L << 30, "budgets.yaml");

        Assert.IsEmpty(BudgetCheck.Exceeded(budget, Small, [Holder("a", 1.5, 3L << 29)]));
        Assert.IsEmpty(BudgetCheck.Exceeded(new TeamBudget("shop", null, null, null, "x"), Small, [Holder("a", 100, 1L << 40)]));
    }

    [TestMethod]
    public void Exceeded_NamesEveryLimitThatBreaks()
    {
        var budget = new TeamBudget("shop", 2, 4, 3L << 30, "budgets.yaml");
        var holders = new[] { Holder("a", 1.5, 3L << 29), Holder("b", 1.5, 3L << 29) };

        CollectionAssert.AreEqual(
            new[] { "2 of 2 environments run", "cpu 3 held + 1.5 needed > 4", "memory 3Gi held + 1.5Gi needed > 3Gi" },
            BudgetCheck.Exceeded(budget, Small, holders).ToArray());
    }

    [TestMethod]
    public void Exceeded_ExactlyFull_Fits()
    {
        var budget = new TeamBudget("shop", 2, 3, 3L << 30, "budgets.yaml");

        Assert.IsEmpty(BudgetCheck.Exceeded(budget, Small, [Holder("a", 1.5, 3L << 29)]));
    }

    [TestMethod]
    public void Refusal_ListsTheHoldersWithOwnerAgeExpiryAndFootprint()
    {
        var budget = new TeamBudget("shop", 2, null, null, "/etc/budgets.yaml");
        var holders = new[]
        {
            Holder("feature-b", 1.5, 3L << 29) with { StartedAt = Now.AddMinutes(-20), ExpiresAt = Now.AddHours(7).AddMinutes(40), Owner = "Bob" },
            Holder("main", 2, 2L << 30) with { StartedAt = Now.AddHours(-3), Keep = true, ExpiresAt = null, Owner = "Ada" },
        };

        var refusal = BudgetCheck.Refusal("feature-c", budget, Small, holders, Now);

        Assert.AreEqual(DiagnosticCodes.BudgetExceeded, refusal.Code);
        Assert.IsTrue(refusal.IsError);
        Assert.AreEqual("/etc/budgets.yaml", refusal.File);
        Assert.AreEqual(
            "Preview 'feature-c' would exceed the budget of team 'shop' (2 environments, set in /etc/budgets.yaml): 2 of 2 environments run. " +
            "The environments that hold it follow. Fix: stop one of them (-t:PreviewDown -p:PreviewName=<name> in its project), wait until one expires, or raise the team's budget in /etc/budgets.yaml.",
            refusal.Message);
        Assert.AreEqual(
            "    main  app=shop  owner=Ada  age=3h00m  expires=kept  cpu 2, memory 2Gi\n" +
            "    feature-b  app=shop  owner=Bob  age=20m  expires=in 7h40m  cpu 1.5, memory 1.5Gi",
            refusal.Details);
    }

    [TestMethod]
    public void Refusal_OfAnEnvironmentLargerThanTheWholeBudget_IsPreview2008()
    {
        var budget = new TeamBudget("shop", 3, 1, null, "/repo/preview.yaml");

        var refusal = BudgetCheck.Refusal("big", budget, Small, [], Now);

        Assert.AreEqual(DiagnosticCodes.EnvironmentLargerThanBudget, refusal.Code);
        Assert.StartsWith("Preview 'big' alone needs cpu 1.5, memory 1.5Gi, more than the budget of team 'shop' allows (3 environments, 1 CPU, set in /repo/preview.yaml)", refusal.Message);
        Assert.IsTrue(BudgetCheck.LargerThanBudget(budget, Small));
    }

    private static EnvironmentRecord Holder(string name, double cpus, long memory) => new()
    {
        Name = name,
        App = "shop",
        Profile = "lightweight",
        EnvironmentId = name + "-id",
        HostProcessId = 1,
        StartedAt = Now.AddMinutes(-5),
        DashboardUrl = "http://127.0.0.1:1",
        Team = "shop",
        Cpus = cpus,
        MemoryBytes = memory,
        ExpiresAt = Now.AddHours(8),
    };
}
