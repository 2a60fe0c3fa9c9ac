using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Budgets;

[TestClass]
public sealed class BudgetFileReaderTests
{
    private const string File = "/etc/previewsdk/budgets.yaml";

    [TestMethod]
    public void Parse_TeamsWithTheirLimits()
    {
        var diagnostics = new DiagnosticBag();

        var budgets = BudgetFileReader.Parse(File, """
            # the machine's budgets
            teams:
              shop: { environments: 3, cpu: 4, memory: 8Gi }
              blog:
                environments: 1
            """, diagnostics);

        Assert.IsEmpty(diagnostics, DiagnosticAssert.Describe(diagnostics));
        Assert.IsNotNull(budgets);
        Assert.AreEqual(new TeamBudget("shop", 3, 4, 8L << 30, File), budgets["shop"]);
        Assert.AreEqual(new TeamBudget("blog", 1, null, null, File), budgets["blog"]);
        Assert.AreEqual("3 environments, 4 CPU, 8Gi memory", budgets["shop"].Describe());
    }

    [TestMethod]
    public void Parse_EmptyFile_HasNoBudgets()
    {
        var diagnostics = new DiagnosticBag();

        var budgets = BudgetFileReader.Parse(File, "# nothing yet\n", diagnostics);

        Assert.IsEmpty(diagnostics);
        Assert.IsEmpty(budgets!);
    }

    [TestMethod]
    public void Parse_ShapeProblems_AreReportedInTheBudgetFileWithPositions()
    {
        var diagnostics = new DiagnosticBag();

        var budgets = BudgetFileReader.Parse(File, """
            team:
              shop: {}
            teams:
              Shop: { environments: 2 }
              blog: { environments: two, gpus: 1 }
            """, diagnostics);

        Assert.IsNull(budgets);
        DiagnosticAssert.Exactly(diagnostics.ToSortedList(), File,
            (DiagnosticCodes.UnknownKey, 1, 1),
            (DiagnosticCodes.InvalidValue, 4, 3),
            (DiagnosticCodes.WrongType, 5, 25),
            (DiagnosticCodes.UnknownKey, 5, 30));
        Assert.StartsWith("Unknown key 'team'. Did you mean 'teams'?", diagnostics.ToSortedList()[0].Message);
    }

    [TestMethod]
    public void Parse_BrokenYaml_IsItsOwnCodeNamingTheFile()
    {
        var diagnostics = new DiagnosticBag();

        var budgets = BudgetFileReader.Parse(File, "teams:\n  shop: { environments: 3\n", diagnostics);

        Assert.IsNull(budgets);
        var error = DiagnosticAssert.Single(diagnostics.ToSortedList(), DiagnosticCodes.InvalidBudgetFile);
        Assert.AreEqual(File, error.File);
        Assert.IsGreaterThan(0, error.Line);
        Assert.StartsWith($"The budget file '{File}' is not valid YAML at this position.", error.Message);
    }

    [TestMethod]
    public void Read_MissingFile_IsPreview2009()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("budgets.yaml");
        var diagnostics = new DiagnosticBag();

        var budgets = BudgetFileReader.Read(path, diagnostics);

        Assert.IsNull(budgets);
        var error = DiagnosticAssert.Single(diagnostics.ToSortedList(), DiagnosticCodes.BudgetFileNotFound);
        Assert.AreEqual(path, error.File);
        Assert.StartsWith($"The budget file '{path}' could not be read: ", error.Message);
    }
}
