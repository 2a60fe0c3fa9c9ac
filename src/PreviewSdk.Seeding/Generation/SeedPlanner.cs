using PreviewSdk.Core.Arithmetic;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Seeding.Generation.Planning;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Generation;

/// <summary>
/// Plans the seeding of a database: which tables in which order, how many rows each, and how every column's values
/// are generated (inferred from the column's name and type, or as preview.yaml overrides it), within the
/// constraints the schema declares. Every problem is reported at once, before a row is written.
/// </summary>
/// <remarks>
/// The rows are deterministic: the same schema, seed and row counts give the same rows on every machine. Each
/// column's values derive from a hash of (seed, table, column) and the row's index alone, so adding a table or a
/// column leaves every other column's values as they were. Dates derive from <see cref="SeedSettings.ReferenceDate"/>,
/// never from the clock. Values are fake by construction; see the remarks on the column inference for the reserved
/// ranges e-mail addresses, phone numbers, URLs and IP addresses come from.
/// </remarks>
public static class SeedPlanner
{
    /// <summary>The plan for <paramref name="schema"/> under <paramref name="settings"/>, or the problems that prevent one.</summary>
    /// <param name="schema">The tables to fill (skipped tables may be in it; settings say which).</param>
    /// <param name="settings">The seed, row counts and overrides.</param>
    /// <returns>The plan (null when any error was found) and every diagnostic, ordered by position.</returns>
    public static SeedPlanResult Plan(DatabaseSchema schema, SeedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(settings);
        var diagnostics = new DiagnosticBag();
        var overrides = SettingsValidator.Validate(schema, settings, diagnostics);
        // Invalid counts are reported above; plan on with usable ones so every other problem shows too.
        var usable = settings with
        {
            Scale = double.IsFinite(settings.Scale) && settings.Scale > 0 ? settings.Scale : 1,
            DefaultRows = Math.Max(0, settings.DefaultRows),
        };
        var context = new PlanningContext(schema, usable, overrides, diagnostics);
        var active = schema.Tables.Where(t => !context.IsSkipped(t)).ToList();
        var perParent = PerParentKeys(active, context);
        var (order, deferred) = TableOrderer.Order(
            active,
            (table, fk) => perParent.GetValueOrDefault(table.DisplayName) == fk || fk.Columns.Any(c => table.Column(c)?.IsNullable == false),
            diagnostics,
            context.LocationOf);

        var models = new Dictionary<string, TableModel>(StringComparer.Ordinal);
        foreach (var table in order)
        {
            models[table.DisplayName] = new TableModel(table, Size(table, perParent.GetValueOrDefault(table.DisplayName), models, context));
        }

        var referenced = active
            .SelectMany(t => t.ForeignKeys)
            .Where(fk => models.ContainsKey(fk.ReferencedDisplayName))
            .SelectMany(fk => fk.ReferencedColumns.Select(c => (fk.ReferencedDisplayName, c)))
            .ToHashSet();
        var plans = order.Select(table => TablePlanner.Plan(models[table.DisplayName], models, deferred, referenced, context)).ToList();
        CheckKeysComputable(order, models, context);

        var sorted = diagnostics.ToSortedList();
        return diagnostics.HasErrors
            ? new SeedPlanResult(null, sorted)
            : new SeedPlanResult(new SeedPlan(settings.Seed, plans) { Notes = context.Notes }, sorted);
    }

    // The foreign key each per-parent table is sized by; problems with the sizing are reported and the table sized by rows.
    private static Dictionary<string, ForeignKey> PerParentKeys(List<TableSchema> active, PlanningContext context)
    {
        var result = new Dictionary<string, ForeignKey>(StringComparer.Ordinal);
        foreach (var table in active)
        {
            if (context.SettingsOf(table)?.PerParent is not { } sizing)
            {
                continue;
            }

            var location = context.LocationOf(table);
            var referencedTables = DiagnosticFactory.NameList(table.ForeignKeys.Select(fk => fk.ReferencedDisplayName).Distinct().Where(n => n != table.DisplayName));
            var parent = context.Schema.Find(sizing.Parent);
            string? problem = null;
            ForeignKey? key = null;
            if (sizing.Parent == table.DisplayName)
            {
                problem = "a table cannot be sized per row of itself";
            }
            else if (parent is null || context.IsSkipped(parent))
            {
                problem = $"'{sizing.Parent}' is skipped or not in the database";
            }
            else
            {
                key = table.ForeignKeys
                    .Where(fk => fk.ReferencedDisplayName == sizing.Parent)
                    .OrderBy(fk => fk.Columns.All(c => table.Column(c)?.IsNullable == true) ? 1 : 0)
                    .FirstOrDefault();
                problem = key is null ? "it has no foreign key to it" : null;
            }

            if (problem is not null)
            {
                context.Diagnostics.Error(DiagnosticCodes.SeedPerParentInvalid, location, table.DisplayName, sizing.Parent, problem, referencedTables);
            }
            else if (sizing.Min < 0 || sizing.Max < sizing.Min)
            {
                context.Diagnostics.Error(DiagnosticCodes.SeedPerParentRange, location, table.DisplayName, sizing.Min, sizing.Max);
            }
            else
            {
                result[table.DisplayName] = key!;
            }
        }

        return result;
    }

    private static TableSize Size(TableSchema table, ForeignKey? perParent, Dictionary<string, TableModel> models, PlanningContext context)
    {
        var settings = context.SettingsOf(table);
        if (perParent is not null && settings?.PerParent is { } sizing && models.TryGetValue(perParent.ReferencedDisplayName, out var parent))
        {
            if (Saturating.Multiply(parent.Size.Rows, sizing.Max) > ManifestBounds.MaximumScaledRows)
            {
                context.Diagnostics.Error(DiagnosticCodes.SeedRowCountInvalid, settings.Location ?? new SourceLocation(context.Settings.SourceFile, 0, 0),
                    $"rows of '{table.DisplayName}' ({parent.Size.Rows} parents × up to {sizing.Max} each)", Saturating.Multiply(parent.Size.Rows, sizing.Max));
                return TableSize.Fixed(0, context.Settings);
            }

            var seed = StableHash.ForColumn(context.Settings.Seed, table.DisplayName, "per parent");
            return TableSize.PerParent(sizing, perParent, parent.Size.Rows, seed);
        }

        return TableSize.Fixed(settings?.Rows is >= 0 ? settings.Rows : null, context.Settings);
    }

    // A child computes its parent's key from a row index: that only works when the key column is a function of it.
    private static void CheckKeysComputable(List<TableSchema> order, Dictionary<string, TableModel> models, PlanningContext context)
    {
        foreach (var table in order)
        {
            foreach (var fk in table.ForeignKeys)
            {
                if (!models.TryGetValue(fk.ReferencedDisplayName, out var parent) || fk.Columns.Any(c => context.OverrideOf(table, c) is not null))
                {
                    continue;
                }

                foreach (var column in fk.ReferencedColumns)
                {
                    var ordinal = parent.Ordinal(column);
                    if (ordinal >= 0 && parent.Generators[ordinal]?.NotAddressableReason is { } reason)
                    {
                        context.Diagnostics.Error(
                            DiagnosticCodes.SeedKeyNotComputable, context.LocationOf(table), $"{parent.Table.DisplayName}.{column}", fk.Name, table.DisplayName, reason);
                    }
                }
            }
        }
    }
}
