using System.Globalization;

namespace PreviewSdk.Core.Diagnostics;

/// <summary>
/// Lets at most <see cref="MaxPerFile"/> diagnostics of each file through and counts the rest, which
/// <see cref="Summaries"/> turns into one <see cref="DiagnosticCodes.DiagnosticsNotShown"/> line per file: 50,000
/// unknown keys gave 50,000 errors and 31 MB of build output. Used where diagnostics leave PreviewSdk (the MSBuild
/// tasks), so each layer can still collect everything it finds.
/// </summary>
public sealed class DiagnosticLimiter
{
    /// <summary>The most diagnostics reported per file.</summary>
    public const int MaxPerFile = 50;

    private readonly Dictionary<string, (int Shown, int Hidden, bool HiddenError)> files = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="diagnostic"/> is to be reported; false when its file already had its share (it is counted).</summary>
    /// <param name="diagnostic">The next diagnostic.</param>
    public bool Admit(PreviewDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var (shown, hidden, hiddenError) = files.GetValueOrDefault(diagnostic.File);
        if (shown < MaxPerFile)
        {
            files[diagnostic.File] = (shown + 1, hidden, hiddenError);
            return true;
        }

        files[diagnostic.File] = (shown, hidden + 1, hiddenError || diagnostic.IsError);
        return false;
    }

    /// <summary>One summary per file that had more than its share: how many were left out, as an error when one of them was.</summary>
    public IReadOnlyList<PreviewDiagnostic> Summaries() =>
        files.Where(file => file.Value.Hidden > 0)
            .Select(file => DiagnosticFactory.Create(
                DiagnosticCodes.DiagnosticsNotShown,
                file.Value.HiddenError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                SourceLocation.WholeFile(file.Key),
                file.Value.Hidden.ToString(CultureInfo.InvariantCulture),
                file.Key,
                MaxPerFile))
            .ToList();

    /// <summary>The diagnostics as they are reported: at most <see cref="MaxPerFile"/> per file, in order, then the summaries.</summary>
    /// <param name="diagnostics">Everything found.</param>
    public static IReadOnlyList<PreviewDiagnostic> Limit(IEnumerable<PreviewDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var limiter = new DiagnosticLimiter();
        return [.. diagnostics.Where(limiter.Admit), .. limiter.Summaries()];
    }
}
