namespace PreviewSdk.Core.Diagnostics;

/// <summary>
/// One coded problem found while reading or planning a preview environment. The MSBuild layer logs it as
/// <c>File(Line,Column): error Code: Message</c>; everything needed for that is here, already formatted.
/// </summary>
/// <param name="Code">The stable code, e.g. <c>PREVIEW1002</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">Whether the build fails.</param>
/// <param name="Message">The formatted text, ending with a one-line fix (<c>Fix: …</c>). It does not repeat the code.</param>
/// <param name="File">The file the problem is in.</param>
/// <param name="Line">The 1-based line, 0 when unknown.</param>
/// <param name="Column">The 1-based column, 0 when unknown.</param>
public sealed record PreviewDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string File,
    int Line,
    int Column)
{
    /// <summary>
    /// Supporting text printed after the diagnostic, such as the last log lines of a failed resource. Kept out of
    /// <see cref="Message"/> so the message stays one line that tools can parse.
    /// </summary>
    public string? Details { get; init; }

    /// <summary>True when this diagnostic fails the build.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Where the problem is.</summary>
    public SourceLocation Location => new(File, Line, Column);

    /// <summary>
    /// The canonical MSBuild error format, <c>preview.yaml(12,5): error PREVIEW1002: …</c>, which editors and CI
    /// systems recognise and turn into clickable locations.
    /// </summary>
    public override string ToString()
    {
        var place = Line <= 0 ? File : Column <= 0 ? $"{File}({Line})" : $"{File}({Line},{Column})";
        var severity = IsError ? "error" : "warning";
        return $"{place}: {severity} {Code}: {Message}";
    }
}
