using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Budgets;

[TestClass]
public sealed class BudgetSettingsTests
{
    private const string ManifestFile = "/repo/preview/preview.yaml";

    [TestMethod]
    public void Resolve_NothingSet_TheAppIsTheTeamWithoutBudget()
    {
        var diagnostics = new DiagnosticBag();

        var settings = BudgetSettings.Resolve(Manifest("app: shop\n"), "shop", null, null, diagnostics);

        Assert.AreEqual(("shop", (TeamBudget?)null), settings);
        Assert.IsEmpty(diagnostics);
    }

    [TestMethod]
    public void Resolve_PreviewYamlTeamAndBudget()
    {
        var diagnostics = new DiagnosticBag();

        var settings = BudgetSettings.Resolve(Manifest("team: web\nbudget: { environments: 2 }\n"), "shop", "", "", diagnostics);

        Assert.AreEqual(("web", new TeamBudget("web", 2, null, null, ManifestFile)), settings);
    }

    [TestMethod]
    public void Resolve_TheBudgetFileWinsOverPreviewYaml()
    {
        using var folder = new TempFolder();
        var file = folder.Write("teams:\n  web: { environments: 5, memory: 4Gi }\n", "budgets.yaml");
        var diagnostics = new DiagnosticBag();

        var settings = BudgetSettings.Resolve(Manifest("team: web\nbudget: { environments: 2 }\n"), "shop", null, file, diagnostics);

        Assert.AreEqual(("web", new TeamBudget("web", 5, null, 4L << 30, file)), settings);
        Assert.IsEmpty(diagnostics, DiagnosticAssert.Describe(diagnostics));
    }

    [TestMethod]
    public void Resolve_ABudgetFileWithoutTheTeam_LeavesPreviewYamlsBudget()
    {
        using var folder = new TempFolder();
        var file = folder.Write("teams:\n  blog: { environments: 1 }\n", "budgets.yaml");
        var diagnostics = new DiagnosticBag();

        var settings = BudgetSettings.Resolve(Manifest("budget: { cpu: 2 }\n"), "shop", null, file, diagnostics);

        Assert.AreEqual(("shop", new TeamBudget("shop", null, 2, null, ManifestFile)), settings);
    }

    [TestMethod]
    public void Resolve_PreviewTeamNamesAnotherTeam_WhosBudgetIsOnlyInTheFile()
    {
        using var folder = new TempFolder();
        var file = folder.Write("teams:\n  qa: { environments: 4 }\n", "budgets.yaml");
        var manifest = Manifest("team: web\nbudget: { environments: 2 }\n");

        Assert.AreEqual(("qa", new TeamBudget("qa", 4, null, null, file)), BudgetSettings.Resolve(manifest, "shop", "qa", file, new DiagnosticBag()));
        Assert.AreEqual(("ops", (TeamBudget?)null), BudgetSettings.Resolve(manifest, "shop", "ops", file, new DiagnosticBag()));
    }

    [TestMethod]
    public void Resolve_BrokenBudgetFile_IsNullWithItsDiagnostics()
    {
        using var folder = new TempFolder();
        var diagnostics = new DiagnosticBag();

        var settings = BudgetSettings.Resolve(Manifest("app: shop\n"), "shop", null, folder.PathOf("missing.yaml"), diagnostics);

        Assert.IsNull(settings);
        DiagnosticAssert.Single(diagnostics.ToSortedList(), DiagnosticCodes.BudgetFileNotFound);
    }

    private static PreviewManifest Manifest(string text)
    {
        var result = ManifestReader.Read(ManifestFile, text);
        Assert.IsFalse(result.HasErrors, DiagnosticAssert.Describe(result.Diagnostics));
        return result.Manifest!;
    }
}
