using System.Collections;

namespace PreviewSdk.Core.Diagnostics;

/// <summary>
/// Collects the diagnostics of one pass, so a user sees every problem at once instead of fixing them one build
/// at a time.
/// </summary>
public sealed class DiagnosticBag : IReadOnlyCollection<PreviewDiagnostic>
{
    private readonly List<PreviewDiagnostic> items = [];

    /// <summary>The number of diagnostics collected.</summary>
    public int Count => items.Count;

    /// <summary>True when at least one collected diagnostic is an error.</summary>
    public bool HasErrors => items.Exists(d => d.IsError);

    /// <summary>Adds a diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic to add.</param>
    public void Add(PreviewDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        items.Add(diagnostic);
    }

    /// <summary>Adds diagnostics collected elsewhere.</summary>
    /// <param name="diagnostics">The diagnostics to add.</param>
    public void AddRange(IEnumerable<PreviewDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>Creates an error from its code's message and adds it.</summary>
    /// <param name="code">A code from <see cref="DiagnosticCodes"/>.</param>
    /// <param name="location">Where the problem is.</param>
    /// <param name="args">The values for the message's placeholders.</param>
    /// <returns>The added diagnostic.</returns>
    public PreviewDiagnostic Error(string code, SourceLocation location, params object?[] args) =>
        AddNew(DiagnosticFactory.Create(code, DiagnosticSeverity.Error, location, args));

    /// <summary>Creates a warning from its code's message and adds it.</summary>
    /// <param name="code">A code from <see cref="DiagnosticCodes"/>.</param>
    /// <param name="location">Where the problem is.</param>
    /// <param name="args">The values for the message's placeholders.</param>
    /// <returns>The added diagnostic.</returns>
    public PreviewDiagnostic Warning(string code, SourceLocation location, params object?[] args) =>
        AddNew(DiagnosticFactory.Create(code, DiagnosticSeverity.Warning, location, args));

    /// <summary>
    /// The diagnostics ordered by file, then line, then column; diagnostics at the same place keep the order
    /// they were added in. Ordering by position rather than by the order checks ran reads like the file does.
    /// </summary>
    public IReadOnlyList<PreviewDiagnostic> ToSortedList() =>
        items
            .Select((diagnostic, index) => (diagnostic, index))
            .OrderBy(x => x.diagnostic.File, StringComparer.OrdinalIgnoreCase)
            .ThenBy(x => x.diagnostic.Line)
            .ThenBy(x => x.diagnostic.Column)
            .ThenBy(x => x.index)
            .Select(x => x.diagnostic)
            .ToArray();

    /// <inheritdoc />
    public IEnumerator<PreviewDiagnostic> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private PreviewDiagnostic AddNew(PreviewDiagnostic diagnostic)
    {
        items.Add(diagnostic);
        return diagnostic;
    }
}
