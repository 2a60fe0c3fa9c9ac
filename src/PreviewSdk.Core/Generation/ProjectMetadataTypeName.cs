using System.Text.RegularExpressions;

namespace PreviewSdk.Core.Generation;

/// <summary>
/// The name of the <c>Projects.*</c> class that Aspire's app host SDK generates for a ProjectReference. Using that
/// class (rather than a project path) tells Aspire the project was built with the app host, so it starts the
/// service with <c>dotnet run --no-build</c> instead of building it again at every start.
/// </summary>
public static partial class ProjectMetadataTypeName
{
    /// <summary>
    /// The class name for <paramref name="projectPath"/>: its file name without extension, with every non-word
    /// character replaced by '_' and '_' put before a digit that starts it or follows a dot (Aspire's own rule).
    /// </summary>
    public static string For(string projectPath) =>
        FixupPattern().Replace(Path.GetFileNameWithoutExtension(projectPath), "_");

    [GeneratedRegex(@"(((?<=\.)|^)(?=\d)|\W)")]
    private static partial Regex FixupPattern();
}
