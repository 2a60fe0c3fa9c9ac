namespace PreviewSdk.Sdk.Tests;

/// <summary>
/// <c>preview.services.tsv</c> beside the built app host: each service's project and built assembly, from which the
/// app host starts services as <c>dotnet &lt;dll&gt;</c>, web or not; <c>PreviewServiceLauncher=dotnet-run</c> removes the file, so the services keep Aspire's <c>dotnet run</c>.
/// </summary>
[TestClass]
public sealed class ServiceTargetsFileTests
{
    private static TestWorkspace Workspace => TestWorkspace.Current;

    [TestMethod]
    public void Build_ListsEachServicesBuiltAssembly_AndDotnetRunRemovesTheList()
    {
        var from = Path.Combine(Workspace.Root, "Targets.Preview", "Targets.Preview.csproj");
        var project = Workspace.PreviewProject("Targets.Preview", $"""
              <ItemGroup>
            {TestWorkspace.Reference(from, Workspace.WebService)}
            {TestWorkspace.Reference(from, Workspace.Tool)}
              </ItemGroup>
            """, "app: targets\n");
        var list = Path.Combine(Path.GetDirectoryName(TestWorkspace.AppHostAssembly(project))!, "preview.services.tsv");

        Workspace.Build(project).AssertCleanSuccess();

        var api = Path.Combine(Path.GetDirectoryName(Workspace.WebService)!, "bin", "Debug", "net10.0", "Shop.Api.dll");
        var tool = Path.Combine(Path.GetDirectoryName(Workspace.Tool)!, "bin", "Debug", "net10.0", "Shop.Tool.dll");
        CollectionAssert.AreEquivalent(new[] { $"{Workspace.WebService}\t{api}", $"{Workspace.Tool}\t{tool}" }, File.ReadAllLines(list));
        Assert.IsTrue(File.Exists(api) && File.Exists(tool), "A listed assembly is not where the list says.");

        Workspace.Build(project, "-p:PreviewServiceLauncher=dotnet-run").AssertCleanSuccess();

        Assert.IsFalse(File.Exists(list), "PreviewServiceLauncher=dotnet-run left the list beside the app host.");
    }

    [TestMethod]
    public void Build_LauncherIgnoresCase_AndAMistypedOneIsPreview1019EvenWhenNothingElseChanged()
    {
        var from = Path.Combine(Workspace.Root, "Launcher.Case.Preview", "Launcher.Case.Preview.csproj");
        var project = Workspace.PreviewProject("Launcher.Case.Preview", $"""
              <ItemGroup>
            {TestWorkspace.Reference(from, Workspace.WebService)}
              </ItemGroup>
            """, "app: launcher\n");
        var list = Path.Combine(Path.GetDirectoryName(TestWorkspace.AppHostAssembly(project))!, "preview.services.tsv");

        Workspace.Build(project, "-p:PreviewServiceLauncher=Dotnet-Run").AssertCleanSuccess();
        Assert.IsFalse(File.Exists(list), "PreviewServiceLauncher=Dotnet-Run was not read as dotnet-run.");

        Workspace.Build(project, "-p:PreviewServiceLauncher=DIRECT").AssertCleanSuccess();
        Assert.IsTrue(File.Exists(list), "PreviewServiceLauncher=DIRECT was not read as direct.");

        // Everything else is up to date: the check must not hide behind an incremental build.
        var result = Workspace.Build(project, "-p:PreviewServiceLauncher=dotnet_run");

        var error = result.AssertSingleError("PREVIEW1019");
        Assert.AreEqual(project, error.File, result.Describe());
        Assert.StartsWith("The property PreviewServiceLauncher is 'dotnet_run', which is not direct or dotnet-run.", error.Message);
        Assert.IsTrue(File.Exists(list), "a refused launcher changed the list beside the app host.");
    }
}
