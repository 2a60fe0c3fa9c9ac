using System.Text;
using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Tests.Diagnostics;
using PreviewSdk.Core.Tests.Planning;

namespace PreviewSdk.Core.Tests.Inputs;

/// <summary>The sweep's hostile inputs, each through the code path the build takes: one coded error, at once.</summary>
[TestClass]
public sealed class HostileInputsTests
{
    [TestMethod]
    public void PreviewYaml_AsAFifo_ASymlinkToDevZero_OrAFolder_IsPreview1060_NotAHangNorNotFound()
    {
        foreach (var make in new Func<string, string>[] { HostileFiles.Fifo, HostileFiles.LinkToDevZero, HostileFiles.Folder })
        {
            using var workspace = new PreviewWorkspace().Reference("Shop.Api");
            make(workspace.ManifestPath);

            var result = HostileFiles.Within(20, () => workspace.Plan());

            var error = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.InputNotAFile);
            Assert.AreEqual(workspace.ManifestPath, error.File);
            Assert.IsNull(result.Plan);
        }
    }

    [TestMethod]
    public void PreviewYaml_InLatin1_IsPreview1062_AndNoPlanCarriesAReplacementCharacter()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api");
        File.WriteAllBytes(workspace.ManifestPath, Encoding.Latin1.GetBytes("services:\n  shop-api:\n    env:\n      GREETING: café\n"));

        var result = workspace.Plan();

        DiagnosticAssert.Exactly(result.Diagnostics, workspace.ManifestPath, (DiagnosticCodes.InputNotUtf8, 4, 20));
        Assert.IsNull(result.Plan);
    }

    [TestMethod]
    public void PreviewYaml_OverOneMiB_IsPreview1061()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api");
        workspace.Manifest("app: shop\n# " + new string('x', 1 << 20) + "\n");

        DiagnosticAssert.Single(workspace.Plan().Diagnostics, DiagnosticCodes.InputTooLarge);
    }

    [TestMethod]
    public void TheBudgetFile_AsAFifo_OrAFolder_IsPreview1060()
    {
        using var folder = new TempFolder();
        foreach (var path in new[] { HostileFiles.Fifo(folder.PathOf("fifo.yaml")), HostileFiles.Folder(folder.PathOf("folder.yaml")) })
        {
            var diagnostics = new DiagnosticBag();

            var budgets = HostileFiles.Within(10, () => BudgetFileReader.Read(path, diagnostics));

            Assert.IsNull(budgets);
            DiagnosticAssert.Single(diagnostics.ToSortedList(), DiagnosticCodes.InputNotAFile);
        }
    }

    [TestMethod]
    public void ANulInAnEnvironmentValueOrName_IsPreview1063AtItsPlace()
    {
        var result = ManifestReader.Read("preview.yaml", """
            services:
              shop-api:
                env:
                  GOOD: "a\tb"
                  CUT: "abc\0def"
                  "N\0AME": x
            profiles:
              heavyweight:
                services:
                  shop-api:
                    env: { HALF: "x\0" }
            """);

        DiagnosticAssert.Exactly(result.Diagnostics, "preview.yaml",
            (DiagnosticCodes.CharacterNotInEnvironment, 5, 12),
            (DiagnosticCodes.CharacterNotInEnvironment, 6, 7),
            (DiagnosticCodes.CharacterNotInEnvironment, 11, 22));
        // A lone surrogate cannot come through YAML (the parser refuses it); the rule still covers it.
        Assert.AreEqual(2, EnvironmentText.IndexOfUncarried("ab\uD800c"));
        Assert.AreEqual(-1, EnvironmentText.IndexOfUncarried("a😀b"));
        StringAssert.Contains(result.Diagnostics[0].Message, "'services.shop-api.env.CUT' holds the character U+0000 at position 4");
        StringAssert.Contains(result.Diagnostics[2].Message, "'profiles.heavyweight.services.shop-api.env.HALF' holds the character U+0000 at position 2");
    }
}
