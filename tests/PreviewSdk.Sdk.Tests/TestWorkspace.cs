using System.Text;

namespace PreviewSdk.Sdk.Tests;

/// <summary>
/// A temp folder, like a user's repository, shared by the tests of one run: the service projects every preview
/// project references (built once, then up to date), a state root that must stay empty (no test starts an
/// environment), and one folder per preview project.
/// </summary>
internal sealed class TestWorkspace
{
    /// <summary>The message the probe hook prints after ComputePreviewPlan: proof that the target ran.</summary>
    public const string ProbeMessage = "SDK-TEST-PROBE: ComputePreviewPlan ran";

    private TestWorkspace(string root) => Root = root;

    public static TestWorkspace Current { get; private set; } = null!;

    public string Root { get; }

    public string StateRoot => Path.Combine(Root, "state");

    /// <summary>A web service (Microsoft.NET.Sdk.Web): Shop.Api → service shop-api, class Projects.Shop_Api.</summary>
    public string WebService => Path.Combine(Root, "services", "Shop.Api", "Shop.Api.csproj");

    /// <summary>A runnable console project.</summary>
    public string Tool => Path.Combine(Root, "services", "Shop.Tool", "Shop.Tool.csproj");

    /// <summary>A class library: not runnable.</summary>
    public string Library => Path.Combine(Root, "services", "Shop.Lib", "Shop.Lib.csproj");

    /// <summary>The CustomAfterPreviewTargets file that prints <see cref="ProbeMessage"/>.</summary>
    public string ProbeTargets => Path.Combine(Root, "probe.targets");

    public static void Create()
    {
        var workspace = new TestWorkspace(Path.Combine(Path.GetTempPath(), "previewsdk-sdk-tests", Guid.NewGuid().ToString("N")));
        workspace.WriteServices();
        Current = workspace;
    }

    public static void Delete()
    {
        if (Current is not null && Directory.Exists(Current.Root))
        {
            Directory.Delete(Current.Root, recursive: true);
        }
    }

    /// <summary>
    /// Writes the preview project <paramref name="name"/>/<paramref name="name"/>.csproj: the SDK imported by absolute
    /// path around <paramref name="body"/>, and preview.yaml unless <paramref name="manifest"/> is null. The body
    /// starts at line <see cref="BodyLine"/>. Returns the project's path.
    /// </summary>
    public string PreviewProject(string name, string body, string? manifest)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        var text = new StringBuilder()
            .Append("<Project>\n")
            .Append($"  <Import Project=\"{SdkUnderTest.PropsPath}\" />\n")
            .Append("  <PropertyGroup>\n")
            .Append($"    <CustomAfterPreviewTargets>{ProbeTargets}</CustomAfterPreviewTargets>\n")
            .Append("  </PropertyGroup>\n")
            .Append(body.ReplaceLineEndings("\n").TrimEnd('\n')).Append('\n')
            .Append($"  <Import Project=\"{SdkUnderTest.TargetsPath}\" />\n")
            .Append("</Project>\n");
        var projectPath = Path.Combine(folder, name + ".csproj");
        File.WriteAllText(projectPath, text.ToString());
        if (manifest is not null)
        {
            File.WriteAllText(Path.Combine(folder, "preview.yaml"), manifest.ReplaceLineEndings("\n"));
        }

        return projectPath;
    }

    /// <summary>The line of a preview project at which its body starts.</summary>
    public const int BodyLine = 6;

    /// <summary>A ProjectReference element to <paramref name="projectPath"/>, relative as users write them.</summary>
    public static string Reference(string fromProject, string projectPath, string extraAttributes = "") =>
        $"    <ProjectReference Include=\"{Path.GetRelativePath(Path.GetDirectoryName(fromProject)!, projectPath)}\"{extraAttributes} />";

    /// <summary>The folder of generated files of a preview project (Debug).</summary>
    public static string GeneratedFolder(string projectPath) =>
        Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "Debug", "net10.0", "preview");

    /// <summary>The built app host assembly of a preview project (Debug).</summary>
    public static string AppHostAssembly(string projectPath) =>
        Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", "Debug", "net10.0", Path.GetFileNameWithoutExtension(projectPath) + ".dll");

    /// <summary>Builds a preview project of this workspace with its state root.</summary>
    public BuildResult Build(string projectPath, params string[] arguments) => DotnetBuild.Run(projectPath, StateRoot, arguments);

    /// <summary>
    /// Asserts that nothing was started: no environment under the state root, no process runs the app host. With
    /// <paramref name="emptyLocksFolderAllowed"/>, an empty <c>locks</c> folder is allowed (and removed).
    /// </summary>
    public void AssertNothingStarted(string projectPath, bool emptyLocksFolderAllowed = false)
    {
        var entries = Directory.Exists(StateRoot) ? Directory.GetFileSystemEntries(StateRoot, "*", SearchOption.AllDirectories) : [];
        var locks = Path.Combine(StateRoot, "locks");
        if (emptyLocksFolderAllowed && Directory.Exists(locks) && Directory.GetFileSystemEntries(locks).Length == 0)
        {
            // A command that took (and released) an environment's lock leaves the locks folder, empty: no environment.
            // Removed, so the next test of the shared workspace starts from an empty state root.
            Directory.Delete(locks);
            entries = [.. entries.Where(entry => entry != locks)];
        }

        Assert.IsEmpty(entries, "The state root holds: " + string.Join(", ", entries));

        var binFolder = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin") + Path.DirectorySeparatorChar;
        var running = Directory.EnumerateDirectories("/proc")
            .Select(folder => (Pid: Path.GetFileName(folder), CommandLine: ReadCommandLine(folder)))
            .Where(process => process.CommandLine.Contains(binFolder, StringComparison.Ordinal))
            .ToList();
        Assert.IsEmpty(running, "Processes run the app host: " + string.Join("; ", running.Select(p => $"{p.Pid}: {p.CommandLine}")));
    }

    private static string ReadCommandLine(string procFolder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procFolder, "cmdline")).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private void WriteServices()
    {
        Write(WebService, """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        Write(Path.Combine(Path.GetDirectoryName(WebService)!, "Program.cs"), """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            """);
        Write(Tool, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        Write(Path.Combine(Path.GetDirectoryName(Tool)!, "Program.cs"), "System.Console.WriteLine(\"tool\");\n");
        Write(Library, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        Write(Path.Combine(Path.GetDirectoryName(Library)!, "Thing.cs"), "namespace Shop.Lib;\n\npublic static class Thing\n{\n    public const int Value = 1;\n}\n");
        Write(ProbeTargets, $"""
            <Project>
              <!-- Imported through CustomAfterPreviewTargets: proves the hook works and that ComputePreviewPlan ran. -->
              <Target Name="_SdkTestProbe" AfterTargets="ComputePreviewPlan">
                <Message Importance="high" Text="{ProbeMessage}: plan=$(PreviewPlanFile) generated=@(PreviewGeneratedFile)" />
              </Target>
            </Project>
            """);
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }
}
