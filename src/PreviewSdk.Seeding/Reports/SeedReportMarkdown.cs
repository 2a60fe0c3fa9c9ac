using System.Globalization;
using System.Text;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Loading;

namespace PreviewSdk.Seeding.Reports;

/// <summary>
/// One database's section of <c>seed-report.md</c>: the rows per table and, per column, the values chosen and why
/// (override, foreign key, constraint, name, type), with the columns only their type decided listed first, since
/// those are the ones to override when their values matter.
/// </summary>
public static class SeedReportMarkdown
{
    /// <summary>The section for <paramref name="database"/>, seeded by <paramref name="plan"/> as <paramref name="load"/> reports.</summary>
    public static string Render(string database, SeedPlan plan, SeedReport load)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(load);
        var rows = load.Tables.ToDictionary(table => table.DisplayName, table => table.Rows, StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## {database}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Seed {plan.Seed}: {load.Tables.Count:N0} tables, {load.TotalRows:N0} rows in {load.Elapsed.TotalSeconds:0.00} s.\n\n");

        var fallbacks = plan.Tables
            .SelectMany(table => table.Choices.Where(choice => choice.IsFallback).Select(choice => $"{table.Table.DisplayName}.{choice.Column}"))
            .ToList();
        if (fallbacks.Count > 0)
        {
            text.Append("Only their type decided these columns' values (override them under `seed: columns:` if the values matter): ")
                .Append(string.Join(", ", fallbacks.Select(name => $"`{name}`"))).Append(".\n\n");
        }

        foreach (var note in plan.Notes)
        {
            text.Append("- Note: ").Append(note).Append('\n');
        }

        if (plan.Notes.Count > 0)
        {
            text.Append('\n');
        }

        foreach (var table in plan.Tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"### {table.Table.DisplayName}: {rows.GetValueOrDefault(table.Table.DisplayName):N0} rows\n\n");
            text.Append("| column | values | why |\n| --- | --- | --- |\n");
            foreach (var choice in table.Choices)
            {
                var marker = choice.IsFallback ? " (fallback)" : string.Empty;
                text.Append(CultureInfo.InvariantCulture, $"| `{Cell(choice.Column)}` | {Cell(choice.Values)}{marker} | {Cell(choice.Reason)} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
