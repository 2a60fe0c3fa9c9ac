using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Tests.Diagnostics;

[TestClass]
public sealed class DiagnosticFactoryTests
{
    [TestMethod]
    public void Create_FormatsTheResourceMessage()
    {
        var diagnostic = DiagnosticFactory.Create(
            DiagnosticCodes.UsesCycle, new SourceLocation("/repo/preview/preview.yaml", 12, 5), "a -> b -> a");

        Assert.AreEqual("PREVIEW1011", diagnostic.Code);
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.IsTrue(diagnostic.IsError);
        Assert.AreEqual(
            "Services wait for each other in a cycle: a -> b -> a; the environment would never start. " +
            "Fix: remove one of the uses entries of this cycle.",
            diagnostic.Message);
        Assert.AreEqual(("/repo/preview/preview.yaml", 12, 5), (diagnostic.File, diagnostic.Line, diagnostic.Column));
    }

    [TestMethod]
    public void ToString_IsTheCanonicalMSBuildFormat()
    {
        var located = DiagnosticFactory.Create(DiagnosticCodes.UsesCycle, new SourceLocation("preview.yaml", 12, 5), "a -> a");
        var warning = DiagnosticFactory.Create(
            DiagnosticCodes.RepeatedUsesEntry, DiagnosticSeverity.Warning, new SourceLocation("preview.yaml", 3, 0), "db", "uses");
        var wholeFile = DiagnosticFactory.Create(
            DiagnosticCodes.NoRunnableServices, SourceLocation.WholeFile("Shop.Preview.csproj"));

        Assert.StartsWith("preview.yaml(12,5): error PREVIEW1011: Services wait", located.ToString());
        Assert.StartsWith("preview.yaml(3): warning PREVIEW1017: 'db' is listed", warning.ToString());
        Assert.StartsWith("Shop.Preview.csproj: error PREVIEW1012: The preview project", wholeFile.ToString());
    }

    [TestMethod]
    public void Create_UnknownCode_Throws()
    {
        var exception = Assert.ThrowsExactly<InvalidOperationException>(
            () => DiagnosticFactory.Create("PREVIEW9999", SourceLocation.WholeFile("x")));
        Assert.Contains("PREVIEW9999", exception.Message);
    }

    [TestMethod]
    public void Fragments_FillOptionalPlaceholders()
    {
        Assert.AreEqual(" Did you mean 'services'?", DiagnosticFactory.DidYouMean("services"));
        Assert.AreEqual(string.Empty, DiagnosticFactory.DidYouMean(null));
        Assert.AreEqual("a, b", DiagnosticFactory.NameList(["a", "b"]));
        Assert.AreEqual("(none)", DiagnosticFactory.NameList([]));
    }

    [TestMethod]
    public void SourceLocation_ShortForm_DropsTheFolder()
    {
        var file = Path.Combine("repo", "preview", "preview.yaml");
        Assert.AreEqual("preview.yaml(3,7)", new SourceLocation(file, 3, 7).ToShortString());
        Assert.AreEqual("preview.yaml(3)", new SourceLocation(file, 3, 0).ToShortString());
        Assert.AreEqual("preview.yaml", SourceLocation.WholeFile(file).ToShortString());
    }

    [TestMethod]
    public void Bag_SortsByFileThenPositionAndKeepsInsertionOrderOnTies()
    {
        var bag = new DiagnosticBag();
        bag.Error(DiagnosticCodes.UsesCycle, new SourceLocation("b.yaml", 1, 1), "x");
        bag.Error(DiagnosticCodes.UsesCycle, new SourceLocation("a.yaml", 9, 1), "second");
        bag.Warning(DiagnosticCodes.RepeatedUsesEntry, new SourceLocation("a.yaml", 2, 8), "n", "uses");
        bag.Error(DiagnosticCodes.UsesCycle, new SourceLocation("a.yaml", 2, 3), "first");
        bag.Error(DiagnosticCodes.UsesCycle, new SourceLocation("a.yaml", 9, 1), "third");

        var sorted = bag.ToSortedList();

        CollectionAssert.AreEqual(
            new[] { ("a.yaml", 2, 3), ("a.yaml", 2, 8), ("a.yaml", 9, 1), ("a.yaml", 9, 1), ("b.yaml", 1, 1) },
            sorted.Select(d => (d.File, d.Line, d.Column)).ToArray());
        Assert.Contains("second", sorted[2].Message);
        Assert.Contains("third", sorted[3].Message);
        Assert.IsTrue(bag.HasErrors);
        Assert.HasCount(5, bag);
    }

    [TestMethod]
    public void Bag_WithOnlyWarnings_HasNoErrors()
    {
        var bag = new DiagnosticBag();
        bag.Warning(DiagnosticCodes.RepeatedUsesEntry, new SourceLocation("a.yaml", 1, 1), "n", "uses");
        Assert.IsFalse(bag.HasErrors);
    }
}
