using System.Globalization;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>What one migration did to the data: its schema changes, and a coded error for each loss of data.</summary>
/// <param name="Changes">Tables and columns added, renamed, retyped or dropped.</param>
/// <param name="Losses">PREVIEW4060–4065: rows lost, a table or column dropped while holding data, values narrowed, nulled or shortened.</param>
public sealed record MigrationDiff(IReadOnlyList<SchemaChange> Changes, IReadOnlyList<PreviewDiagnostic> Losses);

/// <summary>
/// Compares the snapshots before and after one migration. Tables and columns are matched by PostgreSQL's ids (a
/// rename is a rename, not a drop), then by name (a table rebuilt under its old name is the same table).
/// </summary>
public static class SnapshotComparer
{
    /// <summary>What <paramref name="migration"/> changed between <paramref name="before"/> and <paramref name="after"/>.</summary>
    /// <param name="migration">The migration applied in between.</param>
    /// <param name="before">The snapshot before it.</param>
    /// <param name="after">The snapshot after it.</param>
    /// <param name="location">Where a loss is reported: the migration's file, else preview.yaml.</param>
    public static MigrationDiff Compare(MigrationInfo migration, CatalogSnapshot before, CatalogSnapshot after, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(migration);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<SchemaChange>();
        var losses = new List<PreviewDiagnostic>();
        var matched = new HashSet<TableSnapshot>();
        foreach (var old in before.Tables)
        {
            var now = after.Tables.FirstOrDefault(t => t.Oid == old.Oid)
                ?? after.Tables.FirstOrDefault(t => t.Schema == old.Schema && t.Name == old.Name && !before.Tables.Any(b => b.Oid == t.Oid));
            if (now is null)
            {
                changes.Add(new SchemaChange(migration.Id, SchemaChangeKind.DroppedTable, old.DisplayName, Held(old.Rows, "rows")));
                if (old.Rows > 0)
                {
                    losses.Add(DiagnosticFactory.Create(DiagnosticCodes.MigrationDroppedTable, location, migration.Id, old.DisplayName, Count(old.Rows)));
                }

                continue;
            }

            matched.Add(now);
            if (now.DisplayName != old.DisplayName)
            {
                changes.Add(new SchemaChange(migration.Id, SchemaChangeKind.RenamedTable, old.DisplayName, "now " + now.DisplayName));
            }

            CompareTable(migration, old, now, location, changes, losses);
        }

        foreach (var added in after.Tables.Where(t => !matched.Contains(t)))
        {
            changes.Add(new SchemaChange(migration.Id, SchemaChangeKind.AddedTable, added.DisplayName, string.Empty));
        }

        return new MigrationDiff(changes, losses);
    }

    private static void CompareTable(
        MigrationInfo migration, TableSnapshot old, TableSnapshot now, SourceLocation location, List<SchemaChange> changes, List<PreviewDiagnostic> losses)
    {
        var sameTable = old.Oid == now.Oid;
        var rowsLost = now.Rows < old.Rows;
        if (rowsLost)
        {
            // The lost rows take their values with them: the columns are not blamed for them as well.
            losses.Add(DiagnosticFactory.Create(
                DiagnosticCodes.MigrationLostRows, location, migration.Id, Count(old.Rows - now.Rows), now.DisplayName, Count(old.Rows), Count(now.Rows)));
        }

        var matched = new HashSet<ColumnSnapshot>();
        foreach (var column in old.Columns)
        {
            var target = (sameTable ? now.Columns.FirstOrDefault(c => c.Number == column.Number) : null)
                ?? (sameTable ? null : now.Columns.FirstOrDefault(c => c.Name == column.Name));
            var name = $"{now.DisplayName}.{column.Name}";
            if (target is null)
            {
                changes.Add(new SchemaChange(migration.Id, SchemaChangeKind.DroppedColumn, name, Held(column.Values, "values")));
                if (column.Values > 0 && !rowsLost)
                {
                    losses.Add(DiagnosticFactory.Create(DiagnosticCodes.MigrationDroppedColumn, location, migration.Id, now.DisplayName, column.Name, Count(column.Values)));
                }

                continue;
            }

            matched.Add(target);
            if (target.Name != column.Name)
            {
                changes.Add(new SchemaChange(migration.Id, SchemaChangeKind.RenamedColumn, name, "now " + target.Name));
            }

            if (!rowsLost)
            {
                CompareValues(migration, now.DisplayName, column, target, location, changes, losses);
            }
            else if (target.Type != column.Type)
            {
                changes.Add(new SchemaChange(migration.Id, SchemaChangeKind.RetypedColumn, name, $"{column.Type} → {target.Type}"));
            }
        }

        foreach (var added in now.Columns.Where(c => !matched.Contains(c)))
        {
            changes.Add(new SchemaChange(migration.Id, SchemaChangeKind.AddedColumn, $"{now.DisplayName}.{added.Name}", added.Type));
        }
    }

    private static void CompareValues(
        MigrationInfo migration, string table, ColumnSnapshot old, ColumnSnapshot now, SourceLocation location, List<SchemaChange> changes, List<PreviewDiagnostic> losses)
    {
        if (now.Type != old.Type)
        {
            changes.Add(new SchemaChange(migration.Id, SchemaChangeKind.RetypedColumn, $"{table}.{old.Name}", $"{old.Type} → {now.Type}"));
            if (old.Values > 0 && !ColumnTypeWidening.IsWidening(old.Type, now.Type))
            {
                losses.Add(DiagnosticFactory.Create(
                    DiagnosticCodes.MigrationRetypedColumn, location, migration.Id, table, old.Name, old.Type, now.Type, Count(old.Values)));
                return;
            }
        }

        if (now.Values < old.Values)
        {
            losses.Add(DiagnosticFactory.Create(
                DiagnosticCodes.MigrationNulledColumn, location, migration.Id, table, old.Name, Count(old.Values), Count(now.Values)));
        }
        else if (now.Type == old.Type && now.Length < old.Length)
        {
            // Only within one type: a new type writes the same values differently (jsonb drops spaces, numeric pads).
            losses.Add(DiagnosticFactory.Create(
                DiagnosticCodes.MigrationTruncatedColumn, location, migration.Id, table, old.Name, Count(old.Length), Count(now.Length)));
        }
    }

    private static string Held(long count, string what) => count == 0 ? "empty" : $"held {Count(count)} {what}";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
