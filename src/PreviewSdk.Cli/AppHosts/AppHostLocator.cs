using System.Text.RegularExpressions;
using System.Xml.Linq;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Cli.AppHosts;

/// <summary>
/// Finds the Aspire app host that init reads: the project given, the one app host of a solution, or the one app host
/// in a folder (searched down to a few levels, leaving out build output).
/// </summary>
internal static partial class AppHostLocator
{
    private const int SearchDepth = 4;

    /// <summary>The app host project file, or the coded error that says why there is none.</summary>
    public static (string? AppHost, PreviewDiagnostic? Error) Find(string input)
    {
        var path = Path.GetFullPath(input);
        if (File.Exists(path) && path.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
        {
            return IsAppHost(path) ? (path, null) : (null, DiagnosticFactory.Create(DiagnosticCodes.InitNoAppHost, SourceLocation.WholeFile(path), path, "it is not an Aspire app host (no Aspire.AppHost.Sdk, no IsAspireHost)"));
        }

        IEnumerable<string> candidates;
        if (File.Exists(path) && (path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)))
        {
            candidates = SolutionProjects(path);
        }
        else if (Directory.Exists(path))
        {
            candidates = ProjectsUnder(path, SearchDepth);
        }
        else
        {
            return (null, DiagnosticFactory.Create(DiagnosticCodes.InitPathNotFound, SourceLocation.WholeFile(path), path));
        }

        var appHosts = candidates.Where(File.Exists).Where(IsAppHost).Distinct(StringComparer.Ordinal).ToList();
        return appHosts.Count switch
        {
            1 => (appHosts[0], null),
            0 => (null, DiagnosticFactory.Create(DiagnosticCodes.InitNoAppHost, SourceLocation.WholeFile(path), path, "none of its projects is an Aspire app host")),
            _ => (null, DiagnosticFactory.Create(DiagnosticCodes.InitSeveralAppHosts, SourceLocation.WholeFile(path), path, DiagnosticFactory.NameList(appHosts.Select(p => Path.GetRelativePath(Directory.GetCurrentDirectory(), p))))),
        };
    }

    /// <summary>Whether the project file is an Aspire app host: the app host SDK, or IsAspireHost set.</summary>
    public static bool IsAppHost(string projectPath)
    {
        try
        {
            var project = XDocument.Load(projectPath).Root;
            var sdks = (project?.Attribute("Sdk")?.Value ?? string.Empty)
                + string.Concat(project?.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => e.Attribute("Name")?.Value) ?? []);
            return sdks.Contains("Aspire.AppHost.Sdk", StringComparison.OrdinalIgnoreCase)
                || project?.Descendants().Any(e => e.Name.LocalName == "IsAspireHost" && e.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase)) == true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    private static IEnumerable<string> SolutionProjects(string solution)
    {
        var folder = Path.GetDirectoryName(solution)!;
        var text = File.ReadAllText(solution);
        return SolutionProjectPath().Matches(text)
            .Select(match => match.Groups["path"].Value.Replace('\\', '/'))
            .Where(relative => relative.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            .Select(relative => Path.GetFullPath(Path.Combine(folder, relative)));
    }

    private static IEnumerable<string> ProjectsUnder(string folder, int depth)
    {
        var projects = Directory.EnumerateFiles(folder, "*.csproj");
        if (depth == 0)
        {
            return projects;
        }

        var children = Directory.EnumerateDirectories(folder)
            .Where(child => Path.GetFileName(child) is not ("bin" or "obj" or "node_modules") && !Path.GetFileName(child).StartsWith('.'));
        return projects.Concat(children.SelectMany(child => ProjectsUnder(child, depth - 1)));
    }

    // .sln: Project("{…}") = "Name", "path\Name.csproj", "{…}"; .slnx: <Project Path="path/Name.csproj" />.
    [GeneratedRegex(@"(?:=\s*""[^""]*""\s*,\s*""(?<path>[^""]+)""|<Project\s+Path=""(?<path>[^""]+)"")")]
    private static partial Regex SolutionProjectPath();
}
