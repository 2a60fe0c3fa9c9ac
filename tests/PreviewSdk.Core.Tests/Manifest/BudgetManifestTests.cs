using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Manifest;

[TestClass]
public sealed class BudgetManifestTests
{
    private const string File = "/repo/preview/preview.yaml";

    [TestMethod]
    public void Read_TeamAndBudget_KeepsValuesAndPositions()
    {
        var result = ManifestReader.Read(File, """
            app: shop
            team: shop-team
            budget:
              environments: 3
              cpu: 4
              memory: 8Gi
            """);

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        var manifest = result.Manifest!;
        Assert.AreEqual(new Located<string>("shop-team", new SourceLocation(File, 2, 7)), manifest.Team);
        var budget = manifest.Budget!;
        Assert.AreEqual(new SourceLocation(File, 3, 1), budget.Location);
        Assert.AreEqual(new Located<int>(3, new SourceLocation(File, 4, 17)), budget.Environments);
        Assert.AreEqual(new Located<double>(4, new SourceLocation(File, 5, 8)), budget.Cpus);
        Assert.AreEqual(new Located<long>(8L << 30, new SourceLocation(File, 6, 11)), budget.MemoryBytes);
    }

    [TestMethod]
    public void Read_FlowBudgetWithSomeLimits_LeavesTheOthersOut()
    {
        var result = ManifestReader.Read(File, "budget: { cpu: 500m }\n");

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        Assert.IsNull(result.Manifest!.Team);
        Assert.AreEqual(0.5, result.Manifest.Budget!.Cpus!.Value.Value, 1e-9);
        Assert.IsNull(result.Manifest.Budget.Environments);
        Assert.IsNull(result.Manifest.Budget.MemoryBytes);
    }

    [TestMethod]
    public void Read_BrokenTeamAndBudget_ReportsEachAtItsPlace()
    {
        var result = ManifestReader.Read(File, """
            team: Shop Team
            budget:
              environments: 0
              cpu: lots
              memory: 8
              disk: 10Gi
            """);

        DiagnosticAssert.Exactly(result.Diagnostics, File,
            (DiagnosticCodes.InvalidValue, 1, 7),
            (DiagnosticCodes.InvalidValue, 3, 17),
            (DiagnosticCodes.InvalidValue, 4, 8),
            (DiagnosticCodes.InvalidValue, 5, 11),
            (DiagnosticCodes.UnknownKey, 6, 3));
        Assert.AreEqual(
            "'budget.memory' has the invalid value '8'. Fix: use an amount of memory of at least 1Mi with its unit, e.g. 8Gi, 512Mi or 2G.",
            result.Diagnostics[3].Message);
        Assert.Contains("Allowed keys here: environments, cpu, memory.", result.Diagnostics[4].Message);
        Assert.IsNull(result.Manifest!.Team);
    }

    [TestMethod]
    public void Read_BudgetThatIsNotAMap_IsWrongType()
    {
        var result = ManifestReader.Read(File, "budget: 3\n");

        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.WrongType, 1, 9));
    }
}
