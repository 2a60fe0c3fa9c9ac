using System.Xml.Linq;

namespace PreviewSdk.Core.Templates;

/// <summary>
/// The source a .NET project is built from, as files on disk: its own folder, the folders of the projects it
/// references (transitively), and the MSBuild files above them that every project of the folder imports
/// (<c>Directory.Build.props</c>, <c>Directory.Build.targets</c>, <c>Directory.Packages.props</c>, which can change
/// package versions). Read without MSBuild: a template key must be computed in milliseconds, before a server starts.
/// </summary>
public static class ProjectSource
{
    private static readonly string[] ImportedFileNames = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    /// <summary>
    /// The folders of <paramref name="projectFile"/> and of every project it references, transitively, each once,
    /// in ordinal order. A reference written with an MSBuild property (<c>$(…)</c>) cannot be resolved without
    /// MSBuild and is left out; a referenced project that does not exist adds its folder if that exists.
    /// </summary>
    /// <param name="projectFile">The project file (<c>.csproj</c>, <c>.fsproj</c>, …).</param>
    public static IReadOnlyList<string> Folders(string projectFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectFile);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(projectFile));
        while (pending.Count > 0)
        {
            var project = pending.Pop();
            if (!seen.Add(project))
            {
                continue;
            }

            foreach (var reference in ReferencesOf(project))
            {
                pending.Push(reference);
            }
        }

        return seen.Select(project => Path.GetDirectoryName(project)!)
            .Where(Directory.Exists)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The <c>Directory.Build.props</c>, <c>Directory.Build.targets</c> and <c>Directory.Packages.props</c> files in
    /// <paramref name="folders"/> and every folder above them, each once, in ordinal order.
    /// </summary>
    /// <param name="folders">Project folders (<see cref="Folders"/>).</param>
    public static IReadOnlyList<string> ImportedFiles(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
            {
                foreach (var name in ImportedFileNames)
                {
                    var candidate = Path.Combine(current.FullName, name);
                    if (File.Exists(candidate))
                    {
                        files.Add(candidate);
                    }
                }
            }
        }

        return files.ToList();
    }

    private static IEnumerable<string> ReferencesOf(string projectFile)
    {
        if (!File.Exists(projectFile))
        {
            return [];
        }

        XDocument document;
        try
        {
            document = XDocument.Load(projectFile);
        }
        catch (System.Xml.XmlException)
        {
            // A project MSBuild cannot read either would fail the build before any environment starts.
            return [];
        }

        var folder = Path.GetDirectoryName(projectFile)!;
        return document.Descendants()
            .Where(element => element.Name.LocalName == "ProjectReference")
            .Select(element => element.Attribute("Include")?.Value)
            .OfType<string>()
            .SelectMany(include => include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(include => !include.Contains("$(", StringComparison.Ordinal) && !include.Contains('*', StringComparison.Ordinal))
            .Select(include => Path.GetFullPath(Path.Combine(folder, include.Replace('\\', Path.DirectorySeparatorChar))));
    }
}
