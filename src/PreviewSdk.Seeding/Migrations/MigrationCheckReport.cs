using System.Globalization;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// The summary printed at the end of a migration check: rows per table right after seeding (at the base) and
/// after the last migration, the columns dropped or retyped on the way, and the verdict with the time taken.
/// </summary>
public static class MigrationCheckReport
{
    /// <summary>The summary's lines.</summary>
    /// <param name="database">The database checked.</param>
    /// <param name="result">The check's result.</param>
    public static IReadOnlyList<string> Lines(string database, MigrationCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<string>();
        if (result.Seeded is { } seeded && result.Final is { } final)
        {
            var rows = RowTable(seeded, final);
            if (rows.Count == 0)
            {
                rows.Add(("(no tables)", "-", "-"));
            }

            var width = Math.Max("table".Length, rows.Max(row => row.Table.Length));
            lines.Add($"  {"table".PadRight(width)}  rows before → after");
            lines.AddRange(rows.Select(row => $"  {row.Table.PadRight(width)}  {row.Before} → {row.After}"));
            var columns = result.Changes
                .Where(c => c.Kind is SchemaChangeKind.DroppedColumn or SchemaChangeKind.RetypedColumn or SchemaChangeKind.DroppedTable)
                .Select(c => $"    {c.Migration}: {c}")
                .ToList();
            lines.Add(columns.Count == 0 ? "  Dropped or retyped columns: none." : "  Dropped or retyped columns:");
            lines.AddRange(columns);
        }

        var errors = result.Diagnostics.Count(d => d.IsError);
        var verdict = errors == 0 ? "passed" : $"FAILED with {MigrationCheck.Plural(errors, "error")}";
        lines.Add($"Migration check of '{database}' {verdict}: {MigrationCheck.Plural(result.CheckedMigrations.Count, "migration")} checked in {MigrationCheck.Seconds(result.Elapsed)}.");
        return lines;
    }

    private static List<(string Table, string Before, string After)> RowTable(CatalogSnapshot seeded, CatalogSnapshot final)
    {
        var rows = new List<(string Table, string Before, string After)>();
        var matched = new HashSet<TableSnapshot>();
        foreach (var table in seeded.Tables)
        {
            var now = final.Tables.FirstOrDefault(t => t.Oid == table.Oid) ?? final.Tables.FirstOrDefault(t => t.DisplayName == table.DisplayName);
            if (now is not null)
            {
                matched.Add(now);
            }

            var name = now is null || now.DisplayName == table.DisplayName ? table.DisplayName : $"{table.DisplayName} (now {now.DisplayName})";
            rows.Add((name, Count(table.Rows), now is null ? "dropped" : Count(now.Rows)));
        }

        rows.AddRange(final.Tables.Where(t => !matched.Contains(t)).Select(t => (t.DisplayName + " (new)", "-", Count(t.Rows))));
        return rows;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
