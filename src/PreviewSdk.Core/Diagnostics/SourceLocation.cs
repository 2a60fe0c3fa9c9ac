namespace PreviewSdk.Core.Diagnostics;

/// <summary>
/// A place in a file that a diagnostic points at. <see cref="Line"/> and <see cref="Column"/> are 1-based;
/// 0 means unknown, so a diagnostic about a whole file uses 0 for both.
/// </summary>
/// <param name="File">The path of the file, as it should appear in the build output.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location that names only the file, for problems that have no line (a missing file, say).</summary>
    /// <param name="file">The path of the file.</param>
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);

    /// <summary>
    /// The short form used inside messages, <c>preview.yaml(12,5)</c>: the file name without its folder,
    /// because the full path is already at the start of the build output line.
    /// </summary>
    public string ToShortString()
    {
        var name = Path.GetFileName(File);
        if (Line <= 0)
        {
            return name;
        }

        return Column <= 0 ? $"{name}({Line})" : $"{name}({Line},{Column})";
    }
}
