using System.Globalization;
using System.Text;

namespace PreviewSdk.Seeding.Templates;

/// <summary>A table's rows as binary COPY output, with the columns they hold (generated columns are recomputed).</summary>
/// <param name="Table">The schema-qualified, quoted table name.</param>
/// <param name="Columns">The quoted column names, in the file's order.</param>
/// <param name="File">The absolute path of the binary COPY file.</param>
public sealed record CapturedTable(string Table, IReadOnlyList<string> Columns, string File);

/// <summary>A sequence's position, as <c>setval</c> restores it.</summary>
/// <param name="Sequence">The schema-qualified, quoted sequence name.</param>
/// <param name="LastValue">Its last value.</param>
/// <param name="IsCalled">Whether <c>nextval</c> returns the value after it (true) or the value itself.</param>
public sealed record CapturedSequence(string Sequence, long LastValue, bool IsCalled);

/// <summary>
/// Every row and sequence of a database as the seeding's commit left them (<see cref="TemplateRowsCapture"/>), and
/// the statements that put exactly them into a copy of that database's data folder.
/// </summary>
/// <param name="Tables">Every plain table of the database.</param>
/// <param name="Sequences">Every sequence of the database.</param>
public sealed record TemplateRows(IReadOnlyList<CapturedTable> Tables, IReadOnlyList<CapturedSequence> Sequences)
{
    /// <summary>The number of tables the capture holds.</summary>
    public int TableCount => Tables.Count;

    /// <summary>
    /// The statements, one per line as PostgreSQL's single-user mode reads them, that replace every row of the
    /// database with the captured ones and set every sequence: triggers and foreign key checks are off
    /// (<c>session_replication_role = replica</c>), since the rows were consistent when they were captured.
    /// </summary>
    public string LoadScript()
    {
        var script = new StringBuilder();
        script.Append("SET session_replication_role = replica;\n");
        if (Tables.Count > 0)
        {
            script.Append("TRUNCATE ").Append(string.Join(", ", Tables.Select(table => table.Table))).Append(";\n");
        }

        foreach (var table in Tables.Where(table => table.Columns.Count > 0))
        {
            script.Append("COPY ").Append(table.Table).Append(" (").Append(string.Join(", ", table.Columns))
                .Append(") FROM ").Append(Literal(table.File)).Append(" (FORMAT binary);\n");
        }

        foreach (var sequence in Sequences)
        {
            script.Append(CultureInfo.InvariantCulture, $"SELECT pg_catalog.setval({Literal(sequence.Sequence)}, {sequence.LastValue}, {(sequence.IsCalled ? "true" : "false")});\n");
        }

        return script.ToString();
    }

    /// <summary>A SQL string literal: single quotes doubled (no backslash escapes with standard_conforming_strings).</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            // Single-user mode ends a statement at a line break.
            throw new ArgumentException("A line break cannot be part of a single-user statement.", nameof(text));
        }

        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
