using System.Text.RegularExpressions;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Inputs;

namespace PreviewSdk.Core.Planning;

/// <summary>
/// Finds the line and column of a ProjectReference's <c>Include</c> attribute in the preview project, so an
/// error about a reference points at it. A best-effort text scan: references added by imports, globs or
/// properties are not found, and then the error names the whole file (line 0).
/// </summary>
internal sealed partial class ProjectReferenceLocator
{
    private readonly Lazy<IReadOnlyList<Include>> includes;

    public ProjectReferenceLocator(string previewProjectPath)
    {
        PreviewProjectPath = previewProjectPath;
        includes = new Lazy<IReadOnlyList<Include>>(ReadIncludes);
    }

    /// <summary>The preview project file that is scanned.</summary>
    public string PreviewProjectPath { get; }

    /// <summary>The location of the reference to <paramref name="projectPath"/>, or the whole preview project.</summary>
    public SourceLocation Locate(string projectPath)
    {
        var fileName = Path.GetFileName(projectPath);
        Include? byFileName = null;
        foreach (var include in includes.Value)
        {
            var value = include.Value.Replace('\\', '/');
            if (!string.Equals(Path.GetFileName(value), fileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Two references may share a file name (src/A/Api.csproj, src/B/Api.csproj); the full path decides.
            if (ResolvesTo(value, projectPath))
            {
                return include.Location;
            }

            byFileName ??= include;
        }

        return byFileName?.Location ?? SourceLocation.WholeFile(PreviewProjectPath);
    }

    private bool ResolvesTo(string includeValue, string projectPath)
    {
        if (includeValue.Contains("$(", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var directory = Path.GetDirectoryName(PreviewProjectPath) ?? string.Empty;
            var resolved = Path.GetFullPath(Path.Combine(directory, includeValue));
            return string.Equals(resolved, Path.GetFullPath(projectPath), StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    private IReadOnlyList<Include> ReadIncludes()
    {
        // Only to find line numbers; a project file that cannot be read gives none, it is not an error here.
        string text;
        try
        {
            text = InputFile.Read(PreviewProjectPath, maxBytes: 16L << 20).Text ?? string.Empty;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return [];
        }

        var found = new List<Include>();
        foreach (Match match in ProjectReferenceInclude().Matches(text))
        {
            var attribute = match.Groups["attribute"];
            var (line, column) = LineAndColumn(text, attribute.Index);
            found.Add(new Include(match.Groups["value"].Value, new SourceLocation(PreviewProjectPath, line, column)));
        }

        return found;
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    [GeneratedRegex(
        """<ProjectReference\b[^>]*?\b(?<attribute>Include)\s*=\s*(?<quote>["'])(?<value>.*?)\k<quote>""",
        RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ProjectReferenceInclude();

    private sealed record Include(string Value, SourceLocation Location);
}
