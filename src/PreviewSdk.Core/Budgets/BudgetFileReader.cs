using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Inputs;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Budgets;

/// <summary>
/// Reads a shared budget file, the one the <c>PreviewBudgetFile</c> property names, so one file sets the budgets
/// of every team on a machine:
/// <code>
/// teams:
///   shop: { environments: 3, cpu: 4, memory: 8Gi }
/// </code>
/// Shape problems are reported like preview.yaml's (PREVIEW1003–1005, with the budget file's line and column);
/// a missing file is PREVIEW2009 and broken YAML PREVIEW2010.
/// </summary>
public static class BudgetFileReader
{
    /// <summary>The keys allowed at the top level of a budget file.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } = ["teams"];

    /// <summary>The budgets of the file at <paramref name="path"/>, by team; null after reporting a problem.</summary>
    /// <param name="path">The budget file.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    public static IReadOnlyDictionary<string, TeamBudget>? Read(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var content = InputFile.Read(path, InputFile.YamlMaxBytes);
        if (content.Text is not { } text)
        {
            if (content.Refusal is { } refusal)
            {
                diagnostics.Add(refusal);
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.BudgetFileNotFound, SourceLocation.WholeFile(path), path,
                    content.UnreadableReason ?? DiagnosticFactory.Format("Text.FileMissing"));
            }

            return null;
        }

        return Parse(path, text, diagnostics);
    }

    /// <summary>The budgets of budget file text, by team; null after reporting a problem.</summary>
    /// <param name="path">The file's path, for diagnostics.</param>
    /// <param name="text">Its content.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    public static IReadOnlyDictionary<string, TeamBudget>? Parse(string path, string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var found = new DiagnosticBag();
        if (!ManifestYamlLoader.TryLoad(path, text, found, out var root))
        {
            // The loader words its errors for preview.yaml; this is another file, so it gets its own code.
            foreach (var error in found.Where(diagnostic => diagnostic.IsError))
            {
                diagnostics.Error(DiagnosticCodes.InvalidBudgetFile, new SourceLocation(error.File, error.Line, error.Column), path);
            }

            return null;
        }

        var reader = new ManifestNodeReader(found);
        var budgets = new Dictionary<string, TeamBudget>(StringComparer.Ordinal);
        var sections = root is null ? [] : reader.ReadMap(root, string.Empty, TopLevelKeys);
        foreach (var (_, teams) in sections)
        {
            foreach (var (team, body) in reader.ReadMap(teams, "teams"))
            {
                var teamPath = ManifestNodeReader.Child("teams", team.Value);
                if (!ResourceName.IsValid(team.Value))
                {
                    found.Error(DiagnosticCodes.InvalidValue, team.Location, teamPath, team.Value, DiagnosticFactory.Format("Text.Rule.Name"));
                    continue;
                }

                var entry = BudgetSectionReader.Read(reader, team, body, teamPath);
                budgets[team.Value] = new TeamBudget(team.Value, entry.Environments?.Value, entry.Cpus?.Value, entry.MemoryBytes?.Value, path);
            }
        }

        diagnostics.AddRange(found.ToSortedList());
        return found.HasErrors ? null : budgets;
    }
}
