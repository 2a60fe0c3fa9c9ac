using System.Text;

namespace PreviewSdk.Cli.Writing;

/// <summary>
/// Writes the preview project: the SDK (as a package, named in global.json, or from a PreviewSdk source tree) and a
/// ProjectReference per service.
/// </summary>
internal static class PreviewProjectWriter
{
    /// <param name="projects">The services' project files.</param>
    /// <param name="previewFolder">Where the preview project goes.</param>
    /// <param name="sdkSource">The source tree's <c>sdk/PreviewSdk</c> folder to import from, or null for the package.</param>
    public static string Write(IEnumerable<string> projects, string previewFolder, string? sdkSource)
    {
        var text = new StringBuilder();
        var references = projects
            .Select(project => $"    <ProjectReference Include=\"{Path.GetRelativePath(previewFolder, project).Replace('\\', '/')}\" />\n");
        if (sdkSource is null)
        {
            text.Append("<!-- Written by `previewsdk init`. The SDK's version is in global.json (msbuild-sdks). -->\n");
            text.Append("<Project Sdk=\"PreviewSdk\">\n  <ItemGroup>\n");
            text.Append(string.Concat(references));
            text.Append("  </ItemGroup>\n</Project>\n");
            return text.ToString();
        }

        // Relative inside the source tree (the repository's own samples), absolute for a project outside it.
        var sourceRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(sdkSource))!)!;
        var sdk = (Path.GetFullPath(previewFolder).StartsWith(sourceRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(previewFolder, sdkSource)
            : Path.GetFullPath(sdkSource)).Replace('\\', '/');
        text.Append("<!-- Written by `previewsdk init`. It imports PreviewSdk from its source tree, as samples/Shop does; in a team's\n");
        text.Append("     repository this is <Project Sdk=\"PreviewSdk\"> with the version in global.json. -->\n");
        text.Append($"<Project>\n  <Import Project=\"{sdk}/Sdk/Sdk.props\" />\n\n  <ItemGroup>\n");
        text.Append(string.Concat(references));
        text.Append($"  </ItemGroup>\n\n  <Import Project=\"{sdk}/Sdk/Sdk.targets\" />\n</Project>\n");
        return text.ToString();
    }
}
