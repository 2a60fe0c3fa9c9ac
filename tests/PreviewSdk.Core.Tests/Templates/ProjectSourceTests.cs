using PreviewSdk.Core.Templates;

namespace PreviewSdk.Core.Tests.Templates;

/// <summary>A project's source as a template key sees it: its folder, those it references, and the MSBuild files above.</summary>
[TestClass]
public sealed class ProjectSourceTests
{
    private string root = null!;

    [TestInitialize]
    public void CreateRoot() => root = Directory.CreateTempSubdirectory("preview-project-source-").FullName;

    [TestCleanup]
    public void DeleteRoot() => Directory.Delete(root, recursive: true);

    [TestMethod]
    public void Folders_FollowProjectReferencesTransitively_EachOnce_AndSkipWhatNeedsMsBuild()
    {
        var api = Write("Api/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <ProjectReference Include="..\Data\Data.csproj;../Shared/Shared.csproj" />
                <ProjectReference Include="$(RepoRoot)/Generated/Generated.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write("Data/Data.csproj", """<Project><ItemGroup><ProjectReference Include="../Shared/Shared.csproj" /></ItemGroup></Project>""");
        // A cycle MSBuild would refuse must not loop here.
        Write("Shared/Shared.csproj", """<Project><ItemGroup><ProjectReference Include="../Api/Api.csproj" /></ItemGroup></Project>""");
        Directory.CreateDirectory(Path.Combine(root, "Generated"));

        var folders = ProjectSource.Folders(api);

        CollectionAssert.AreEqual(
            new[] { "Api", "Data", "Shared" }.Select(name => Path.Combine(root, name)).ToArray(),
            folders.ToArray());
    }

    [TestMethod]
    public void ImportedFiles_AreTheDirectoryFilesInAndAboveEachFolder()
    {
        var props = Write("Directory.Packages.props", "<Project />");
        var build = Write("src/Directory.Build.props", "<Project />");
        Write("src/Api/Api.csproj", "<Project />");
        Write("src/Api/Other.props", "<Project />");

        var files = ProjectSource.ImportedFiles([Path.Combine(root, "src", "Api")]);

        CollectionAssert.IsSubsetOf(new[] { props, build }, files.ToArray());
        Assert.IsFalse(files.Any(file => file.EndsWith("Other.props", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Folders_OfAMissingOrUnreadableProject_AreItsFolderAtMost()
    {
        var broken = Write("Broken/Broken.csproj", "<Project><ItemGroup>");
        CollectionAssert.AreEqual(new[] { Path.Combine(root, "Broken") }, ProjectSource.Folders(broken).ToArray());
        Assert.IsEmpty(ProjectSource.Folders(Path.Combine(root, "Gone", "Gone.csproj")));
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
