using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Templates;

namespace PreviewSdk.Core.Tests.Environments;

/// <summary>What F5 and dotnet run take from the launch file for seeded-data templates: the registry's folder, on unless false.</summary>
[TestClass]
public sealed class LaunchFileTests
{
    private static LaunchFile Launch(string stateRoot, string templates = "", string retention = "") => new()
    {
        ProjectPath = "/repo/preview/Shop.Preview.csproj",
        PlanFile = "/repo/preview/obj/preview.plan.json",
        ManifestPath = "/repo/preview/preview.yaml",
        StateRoot = stateRoot,
        Templates = templates,
        TemplateRetention = retention,
    };

    [TestMethod]
    public void Templates_AreTheRegistrysFolder_UnlessTurnedOff()
    {
        Assert.AreEqual(TemplateStore.FolderUnder("/srv/previews"), Launch("/srv/previews").TemplatesDirectory());
        Assert.AreEqual(TemplateStore.FolderUnder("/srv/previews"), Launch("/srv/previews", templates: "true").TemplatesDirectory());
        Assert.IsNull(Launch("/srv/previews", templates: "False").TemplatesDirectory());
        Assert.IsNull(Launch("/srv/previews", templates: " false ").TemplatesDirectory());
    }

    [TestMethod]
    public void Retention_IsTheBuildsValue_OrTheDefaultWhenItIsNoDuration()
    {
        Assert.AreEqual(TimeSpan.FromHours(12), Launch("/srv/previews", retention: "12h").TemplateRetentionOrDefault());
        Assert.AreEqual(TemplateStore.DefaultRetention, Launch("/srv/previews").TemplateRetentionOrDefault());
        Assert.AreEqual(TemplateStore.DefaultRetention, Launch("/srv/previews", retention: "soon").TemplateRetentionOrDefault());
        Assert.AreEqual(TemplateStore.DefaultRetention, Launch("/srv/previews", retention: "0s").TemplateRetentionOrDefault());
    }

    [TestMethod]
    public void TemplatesPerServer_IsTheBuildsValue_OrTheDefaultWhenItIsNoWholeNumberInRange()
    {
        Assert.AreEqual(5, (Launch("/srv/previews") with { TemplatesPerServer = "5" }).TemplatesPerServerOrDefault());
        Assert.AreEqual(TemplateStore.DefaultPerServer, Launch("/srv/previews").TemplatesPerServerOrDefault());
        Assert.AreEqual(TemplateStore.DefaultPerServer, (Launch("/srv/previews") with { TemplatesPerServer = "0" }).TemplatesPerServerOrDefault());
    }

    [TestMethod]
    public void ALaunchFileOfAnEarlierBuild_WithoutTheTemplateKeys_ReadsAsOn()
    {
        using var folder = new TempFolder();
        folder.Write("""{ "projectPath": "/p.csproj", "planFile": "/plan.json", "manifestPath": "/preview.yaml", "stateRoot": "/srv/previews" }""", LaunchFile.FileName);

        var launch = LaunchFile.Find(folder.Root)!;

        Assert.AreEqual(TemplateStore.FolderUnder("/srv/previews"), launch.TemplatesDirectory());
    }
}
