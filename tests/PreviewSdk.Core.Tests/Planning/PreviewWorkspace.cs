using System.Text;
using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Tests.Planning;

/// <summary>
/// A throw-away folder laid out like a user's repository: preview/Shop.Preview.csproj with ProjectReferences
/// to src/Name/Name.csproj (the referenced projects need not exist), and optionally preview/preview.yaml.
/// </summary>
internal sealed class PreviewWorkspace : IDisposable
{
    private readonly List<ServiceProject> projects = [];

    public PreviewWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "previewsdk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "preview"));
        PreviewProjectPath = Path.Combine(Root, "preview", "Shop.Preview.csproj");
        ManifestPath = Path.Combine(Root, "preview", "preview.yaml");
    }

    public string Root { get; }

    public string PreviewProjectPath { get; }

    public string ManifestPath { get; }

    public IReadOnlyList<ServiceProject> Projects => projects;

    /// <summary>Adds a ProjectReference (written at line 3 + its index of the preview project, with Include at column 23).</summary>
    public PreviewWorkspace Reference(string name, bool isWeb = true, bool isRunnable = true, string? folder = null)
    {
        projects.Add(new ServiceProject(ProjectPath(name, folder), isRunnable, isWeb));
        return this;
    }

    public string ProjectPath(string name, string? folder = null) =>
        Path.Combine(Root, "src", folder ?? name, name + ".csproj");

    /// <summary>Writes preview.yaml.</summary>
    public PreviewWorkspace Manifest(string yaml)
    {
        File.WriteAllText(ManifestPath, yaml);
        return this;
    }

    /// <summary>Writes the preview project and plans.</summary>
    public PlanResult Plan(string defaultAppName = "Shop.Preview", string? profile = null)
    {
        WritePreviewProject();
        return PreviewPlanner.Plan(ManifestPath, PreviewProjectPath, defaultAppName, projects, profile);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup must not hide the test's result.
        }
    }

    private void WritePreviewProject()
    {
        var text = new StringBuilder();
        text.Append("<Project Sdk=\"PreviewSdk/1.0.0\">\n");
        text.Append("  <ItemGroup>\n");
        foreach (var project in projects)
        {
            var relative = Path.GetRelativePath(Path.Combine(Root, "preview"), project.ProjectPath).Replace('/', '\\');
            text.Append($"    <ProjectReference Include=\"{relative}\" />\n");
        }

        text.Append("  </ItemGroup>\n");
        text.Append("</Project>\n");
        File.WriteAllText(PreviewProjectPath, text.ToString());
    }
}
