using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// An integer <c>…_id</c> column without a foreign key (<c>staff.store_id</c>, <c>orders.ship_via</c>… when the
/// schema never declared the key) points at something: when a seeded table's name matches it and that table's
/// integer key counts 1..N, the column is drawn from those keys instead of an arbitrary number, with a note.
/// </summary>
internal static class UnlinkedKeys
{
    /// <summary>Narrows <paramref name="column"/> to the keys of the table its name names, if there is one.</summary>
    public static void Apply(ColumnBlueprint column, TableSchema table, IReadOnlyDictionary<string, TableModel> models, PlanningContext context)
    {
        if (column.Kind != SemanticKind.ExternalId || column.ForeignKey is not null || column.Column.IsSequenceBacked
            || column.Constraints.Scale is not { Family: OrdinalFamily.Number, Scale: 0 } || column.Finite is not null)
        {
            return;
        }

        var words = NameTokens.Split(column.Column.Name).ToList();
        if (words.Count == 1 && words[0].Length > 4 && words[0].EndsWith("id", StringComparison.Ordinal))
        {
            // departmentid, customerid: lower-case names run together.
            words = [words[0][..^2], "id"];
        }

        if (words.Count < 2 || words[^1] != "id")
        {
            return;
        }

        words.RemoveAt(words.Count - 1);
        var wanted = new[] { string.Concat(words), words[^1] };
        var parent = models.Values
            .Where(model => model.Table != table && model.Size.Rows > 0 && IsCountedKey(model.Table))
            .OrderBy(model => model.Table.Schema == table.Schema ? 0 : 1)
            .ThenBy(model => model.Table.DisplayName, StringComparer.Ordinal)
            .FirstOrDefault(model => Names(model.Table).Any(name => wanted.Contains(name)));
        if (parent is null)
        {
            return;
        }

        var keys = new OrdinalRange(1, parent.Size.Rows).Intersect(column.Constraints.Range);
        if (keys.IsEmpty)
        {
            return;
        }

        column.Range = keys;
        column.NaturalRange = keys;
        column.KeysOf = parent.Table.DisplayName;
        column.FavorLow = false;
        context.Notes.Add(
            $"{table.DisplayName}.{column.Column.Name} has no foreign key; its values are keys of {parent.Table.DisplayName} (1 to {parent.Size.Rows}), as its name says. Declare the foreign key, or override the column, if it means something else.");
    }

    // A one-column integer primary key the seeder counts 1, 2, 3… (identity, serial, or a plain integer key).
    private static bool IsCountedKey(TableSchema table) =>
        table.PrimaryKey is { Columns.Count: 1 } key && table.Column(key.Columns[0]) is { } column
        && column.Type.ValueType.Kind is PgTypeKind.Int16 or PgTypeKind.Int32 or PgTypeKind.Int64;

    // The table's name, joined, and in the singular: order_lines, OrderLines, order_line all give "orderline".
    private static IEnumerable<string> Names(TableSchema table)
    {
        var joined = string.Concat(NameTokens.Split(table.Name));
        yield return joined;
        if (joined.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return joined[..^3] + "y";
        }
        else if (joined.EndsWith("ses", StringComparison.Ordinal) || joined.EndsWith("xes", StringComparison.Ordinal))
        {
            yield return joined[..^2];
        }
        else if (joined.EndsWith('s'))
        {
            yield return joined[..^1];
        }
    }
}
