using System.Text;
using PreviewSdk.Kubernetes.Manifests;
using PreviewSdk.Kubernetes.Tests.Infrastructure;

namespace PreviewSdk.Kubernetes.Tests.Rendering;

/// <summary>
/// The Shop sample rendered in each of its profiles, compared byte for byte with the files under Golden/&lt;profile&gt;/.
/// To accept a deliberate change, run once with <c>PREVIEW_UPDATE_SNAPSHOTS=1</c> (the files are rewritten in the
/// source tree) and review the diff.
/// </summary>
[TestClass]
public sealed class GoldenManifestTests
{
    private const string UpdateVariable = "PREVIEW_UPDATE_SNAPSHOTS";

    [TestMethod]
    public void EveryProfileOfTheSample_HasGoldenFiles()
    {
        var folders = Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Golden")).Select(Path.GetFileName).Order().ToList();
        CollectionAssert.AreEquivalent(ShopSample.Profiles().ToList(), folders, "one Golden/<profile>/ folder per profile of samples/Shop/Shop.Preview/preview.yaml");
    }

    [TestMethod]
    [DataRow("lightweight")]
    [DataRow("heavyweight")]
    [DataRow("staging-like")]
    public void Sample_RendersItsGoldenFiles(string profile)
    {
        var files = ManifestWriter.Files(ShopSample.Render(profile));
        var source = Path.Combine(RepositoryRoot.Find(), "tests", "PreviewSdk.Kubernetes.Tests", "Golden", profile);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (Directory.Exists(source))
            {
                Directory.Delete(source, recursive: true);
            }

            Directory.CreateDirectory(source);
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(source, name), text, new UTF8Encoding(false));
            }

            return;
        }

        var expectedFolder = Path.Combine(AppContext.BaseDirectory, "Golden", profile);
        var expectedNames = Directory.GetFiles(expectedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expectedNames, files.Select(file => file.Key).Order(StringComparer.Ordinal).ToList(),
            $"the rendered files differ from Golden/{profile}; rerun with {UpdateVariable}=1 if intended");
        foreach (var (name, text) in files)
        {
            var expected = File.ReadAllText(Path.Combine(expectedFolder, name));
            Assert.AreEqual(expected, text, $"Golden/{profile}/{name} differs; rerun with {UpdateVariable}=1 if intended");
        }
    }

    [TestMethod]
    public void Rendering_IsDeterministic()
    {
        var first = ManifestWriter.Files(ShopSample.Render("heavyweight"));
        var second = ManifestWriter.Files(ShopSample.Render("heavyweight"));
        CollectionAssert.AreEqual(first.ToList(), second.ToList());
    }

    [TestMethod]
    public void Writing_ReplacesAnEarlierRenderAndKeepsOtherFiles()
    {
        var folder = Directory.CreateTempSubdirectory("previewsdk-render-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "99-deployment-gone.yaml"), "stale");
            File.WriteAllText(Path.Combine(folder, "kustomization.yaml"), "mine");
            var written = ManifestWriter.Write(ShopSample.Render("lightweight"), folder);
            Assert.IsFalse(File.Exists(Path.Combine(folder, "99-deployment-gone.yaml")));
            Assert.AreEqual("mine", File.ReadAllText(Path.Combine(folder, "kustomization.yaml")));
            Assert.IsTrue(written.All(File.Exists));
            Assert.IsFalse(File.ReadAllBytes(written[0]).Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
