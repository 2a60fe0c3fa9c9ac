using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// Gives each foreign key column its generator: the parent's key value at the parent row the key's pick chooses.
/// A NOT NULL key to a skipped table is PREVIEW4022, to a table without rows PREVIEW4029; nullable ones are NULL then.
/// </summary>
internal static class ForeignKeyWiring
{
    /// <summary>Sets the generator of every column a foreign key fills.</summary>
    public static void Wire(
        TableModel model,
        IReadOnlyDictionary<string, ColumnBlueprint> columns,
        IReadOnlyDictionary<string, ForeignKeyPlan> plans,
        IReadOnlyDictionary<string, TableModel> models,
        PlanningContext context)
    {
        var table = model.Table;
        foreach (var fk in table.ForeignKeys)
        {
            var owned = fk.Columns.Select(c => columns.GetValueOrDefault(c)).Where(b => b?.ForeignKey == fk).ToList();
            if (owned.Count == 0)
            {
                continue;
            }

            var nullable = fk.Columns.All(c => table.Column(c)?.IsNullable != false);
            var parent = models.GetValueOrDefault(fk.ReferencedDisplayName);
            var parentRows = parent?.Size.Rows ?? 0;
            if (parent is null && !nullable)
            {
                context.Diagnostics.Error(DiagnosticCodes.SeedForeignKeyToSkippedTable, context.LocationOf(table), fk.Name, table.DisplayName, fk.ReferencedDisplayName);
            }
            else if (parent is not null && parentRows == 0 && !nullable)
            {
                context.Diagnostics.Error(DiagnosticCodes.SeedParentHasNoRows, context.LocationOf(table), fk.Name, table.DisplayName, fk.ReferencedDisplayName);
            }

            var plan = plans[fk.Name];
            var mode = parent is null ? PickMode.Null : plan.Mode;
            var nullShare = nullable && mode is PickMode.Random or PickMode.Earlier && !owned.Any(b => b!.InKey) ? NullShare(owned[0]!) : 0;
            var seed = StableHash.ForColumn(context.Settings.Seed, table.DisplayName, "foreign key " + fk.Name);
            var pick = new ForeignKeyPick(mode, parentRows, nullShare, seed, plan.Enumeration, plan.Divisor);
            for (var i = 0; i < fk.Columns.Count; i++)
            {
                if (columns.GetValueOrDefault(fk.Columns[i]) is not { } column || column.ForeignKey != fk)
                {
                    continue;
                }

                if (parent is null)
                {
                    column.Generator = Values.ConstantGenerator.Null;
                    continue;
                }

                var ordinal = parent.Ordinal(fk.ReferencedColumns[i]);
                var convert = ordinal < 0 ? null : Conversion(column.Column.Type, parent.Table.Columns[ordinal].Type);
                column.Generator = ordinal < 0 ? Values.ConstantGenerator.Null : new ForeignKeyGenerator(pick, parent, ordinal, convert, column.Deferred);
            }
        }
    }

    // Deferred keys (self-references, cycles) leave more rows without a parent: roots of the trees.
    private static double NullShare(ColumnBlueprint column) => column.Deferred ? 0.2 : Values.NullableGenerator.DefaultShare;

    // A bigint column referencing an integer key, say: the parent's value in the child's CLR type.
    private static Func<object, object>? Conversion(PgType child, PgType parent)
    {
        if (child.ValueType.Kind == parent.ValueType.Kind || OrdinalScale.For(child.ValueType) is not { } scale)
        {
            return null;
        }

        return value => scale.ToUnits(value) is { } units && decimal.IsInteger(units) ? scale.FromUnits((long)units) : value;
    }
}
