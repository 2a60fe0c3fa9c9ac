using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Generation.Overrides;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Generation.Values;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// Plans one table: gathers its constraints, checks its overrides, decides how uniqueness and column comparisons
/// are kept, wires its foreign keys, and builds the generator of every written column.
/// </summary>
internal static class TablePlanner
{
    /// <summary>The plan of the table of <paramref name="model"/>; problems go to the context.</summary>
    /// <param name="model">The table and its size; its generators are set here.</param>
    /// <param name="models">Every seeded table by display name (parents are looked up here).</param>
    /// <param name="deferred">The foreign keys (table, name) filled by the second pass.</param>
    /// <param name="referenced">The columns (table, column) other foreign keys reference.</param>
    /// <param name="context">The planning context.</param>
    public static GeneratedTablePlan Plan(
        TableModel model,
        IReadOnlyDictionary<string, TableModel> models,
        IReadOnlySet<(string Table, string Key)> deferred,
        IReadOnlySet<(string Table, string Column)> referenced,
        PlanningContext context)
    {
        var table = model.Table;
        var location = context.LocationOf(table);
        var rows = model.Size.Rows;
        var reference = context.Settings.ReferenceDate;
        var constraints = ConstraintCollector.Collect(
            table, column => context.OverrideOf(table, column) is not null, column => context.OverrideOf(table, column) is Settings.ExpressionOverride, context.Diagnostics, location);
        var computed = new List<ComputedColumn>();
        foreach (var column in table.Columns)
        {
            if (context.OverrideOf(table, column.Name) is Settings.ExpressionOverride expression)
            {
                if (referenced.Contains((table.DisplayName, column.Name)))
                {
                    context.Diagnostics.Error(
                        DiagnosticCodes.SeedOverrideNotApplicable, context.LocationOf(expression), $"{table.DisplayName}.{column.Name}",
                        "foreign keys of other tables reference the column, and their values are computed from the row number, which an expression does not give");
                }

                computed.Add(new ComputedColumn(column, expression.Sql, expression.Location));
            }
            else if (constraints.Columns[column.Name].Computed is { } formula && context.OverrideOf(table, column.Name) is null
                && !column.IsGenerated && !referenced.Contains((table.DisplayName, column.Name)))
            {
                // CHECK (total = quantity * unit_price): PostgreSQL computes it as the check does.
                computed.Add(new ComputedColumn(column, formula.Expression));
            }
        }

        // Columns computed by an expression are PostgreSQL's to fill, as generated columns are.
        var written = table.Columns.Where(c => !c.IsGenerated && !computed.Exists(e => e.Column == c)).ToList();
        var blueprints = new List<ColumnBlueprint>(written.Count);
        foreach (var column in written)
        {
            var blueprint = new ColumnBlueprint(column, model.Ordinal(column.Name), constraints.Columns[column.Name])
            {
                Override = context.OverrideOf(table, column.Name),
                Referenced = referenced.Contains((table.DisplayName, column.Name)),
            };
            if (blueprint.Override is null)
            {
                blueprint.ForeignKey = table.ForeignKeys.FirstOrDefault(fk => fk.Columns.Contains(column.Name));
                blueprint.Deferred = blueprint.ForeignKey is { } fk && deferred.Contains((table.DisplayName, fk.Name));
            }

            Prepare(blueprint, model, models, rows, context);
            blueprints.Add(blueprint);
        }

        var byName = blueprints.ToDictionary(b => b.Column.Name, StringComparer.Ordinal);
        var plans = table.ForeignKeys.DistinctBy(fk => fk.Name).ToDictionary(fk => fk.Name, fk => new ForeignKeyPlan(PickMode.Random), StringComparer.Ordinal);
        foreach (var fk in table.ForeignKeys.Where(fk => deferred.Contains((table.DisplayName, fk.Name)) && fk.ReferencedDisplayName == table.DisplayName))
        {
            plans[fk.Name] = new ForeignKeyPlan(PickMode.Earlier);
        }

        if (model.Size.PerParentKey is { } perParent)
        {
            plans[perParent.Name] = new ForeignKeyPlan(PickMode.PerParent);
        }

        var uniqueness = new UniquenessPlanner(table, blueprints, plans, model.Size, fk => models.GetValueOrDefault(fk.ReferencedDisplayName)?.Size.Rows ?? 0, StableHash.ForColumn(context.Settings.Seed, table.DisplayName, "unique"), context.Diagnostics, location);
        uniqueness.Plan();
        RelationPlanner.Plan(blueprints, constraints, table.DisplayName, context.Diagnostics, location);
        ForeignKeyWiring.Wire(model, byName, plans, models, context);
        foreach (var blueprint in blueprints)
        {
            blueprint.Generator ??= Build(blueprint, blueprints, table, rows, reference, context);
            model.Generators[blueprint.Ordinal] = blueprint.Generator;
        }

        var slots = Order(blueprints.Where(b => !b.Deferred).ToList(), byName, blueprints);
        var deferredSlots = blueprints.Where(b => b.Deferred).Select(b => new Slot(blueprints.IndexOf(b), b.Generator!)).ToArray();
        var guards = uniqueness.Guarded.Select(g => Guard(g.Key, g.Columns, slots, blueprints, byName)).ToArray();
        return new GeneratedTablePlan(table, written, model.Size, slots, deferredSlots, Key(table, blueprints, deferredSlots.Length > 0, context), guards, location)
        {
            ComputedColumns = computed,
            ColumnChoicesOfPlan = ColumnChoices.Describe(table, blueprints, computed, context),
        };
    }

    private static void Prepare(ColumnBlueprint blueprint, TableModel model, IReadOnlyDictionary<string, TableModel> models, long rows, PlanningContext context)
    {
        var table = model.Table;
        var name = $"{table.DisplayName}.{blueprint.Column.Name}";
        if (blueprint.Override is not null)
        {
            blueprint.Invalid = !OverrideBuilder.Prepare(blueprint, name, context.SeedOf(table, blueprint.Column.Name), context);
            return;
        }

        if (blueprint.ForeignKey is not null)
        {
            return;
        }

        InferredColumns.Analyze(blueprint, table, rows, context.Settings.ReferenceDate);
        UnlinkedKeys.Apply(blueprint, table, models, context);
        if (!blueprint.Column.IsNullable && !CanGenerate(blueprint.Column.Type.ValueType))
        {
            context.Diagnostics.Error(DiagnosticCodes.SeedColumnNeedsOverride, context.LocationOf(table), name, blueprint.Column.Type.Name);
        }
    }

    private static bool CanGenerate(PgType type) => type.Kind switch
    {
        _ when type.IsTextForm && type.Kind != PgTypeKind.Array => TextFormGenerator.Knows(type),
        PgTypeKind.Array => type.Element is { } element && CanGenerate(element.ValueType) && element.ValueType.Kind != PgTypeKind.Array,
        _ => true,
    };

    private static ValueGenerator Build(ColumnBlueprint blueprint, List<ColumnBlueprint> all, TableSchema table, long rows, DateTime reference, PlanningContext context)
    {
        var seed = context.SeedOf(table, blueprint.Column.Name);
        ValueGenerator Inferred()
        {
            var copy = new ColumnBlueprint(blueprint.Column, blueprint.Ordinal, blueprint.Constraints);
            InferredColumns.Analyze(copy, table, rows, reference);
            return InferredColumns.Build(copy, rows, seed, reference);
        }

        if (blueprint.Invalid)
        {
            return ConstantGenerator.Null;
        }

        var generator = blueprint.Override is not null
            ? OverrideBuilder.Build(blueprint, rows, seed, Inferred)
            : InferredColumns.Build(blueprint, rows, seed, reference);
        if (blueprint.Override is null && blueprint.Constraints is { Pattern: null, PatternText: { } regex, PatternSource: { } source }
            && !InferredColumns.AllMatch(generator, regex))
        {
            // A pattern beyond the seeder's own that what the name says does not match either.
            context.Diagnostics.Error(DiagnosticCodes.SeedPatternUnsupported, context.LocationOf(table), source, $"{table.DisplayName}.{blueprint.Column.Name}", regex);
        }

        if (blueprint.Override is null && NameSources(blueprint, all) is { } names)
        {
            var constraints = blueprint.Constraints;
            blueprint.MadeFrom = new[] { names.First, names.Last, names.Full }.Where(output => output >= 0).Select(output => all[output].Column.Name).ToList();
            generator = new NameDerivedTextGenerator(
                blueprint.Kind, names.First, names.Last, names.Full, StableHash.Derive(seed, "names"), blueprint.Role == UniqueRole.Injective,
                constraints.MinLength, constraints.MaxLength, rows, generator, constraints.PatternText);
        }
        if (blueprint.Anchor is { } anchor)
        {
            var scale = blueprint.Constraints.Scale!;
            // A quarter of where the column falls on its own, or what its name pair allows (a rental is returned
            // within weeks); never a quarter of the type's whole range, which spans millennia for a timestamp.
            var natural = blueprint.NaturalRange.IsEmpty ? blueprint.Range : blueprint.NaturalRange;
            var span = Math.Max(1, Math.Min(natural.Count / 4, blueprint.MaxGap ?? long.MaxValue));
            var anchorOutput = all.FindIndex(b => b.Column.Name == anchor.Right);
            var alone = blueprint.Override is null ? InferredColumns.Alone(blueprint, seed) : generator;
            generator = new RelativeGenerator(anchorOutput, anchor.Right, anchor.Operator, scale, blueprint.Range, span, StableHash.Derive(seed, "relative"), alone);
        }

        var mayBeNull = blueprint.Column.IsNullable && !blueprint.Constraints.NotNull && !blueprint.Constraints.ForcedNull
            && blueprint.Override is null && !blueprint.InKey && !blueprint.Referenced && blueprint.Role == UniqueRole.None;
        if (blueprint.Override is null && blueprint.Constraints.Conditional is { } conditional)
        {
            return ConditionalRows.Generator(blueprint, conditional, generator, all, mayBeNull, StableHash.Derive(seed, "null"), context, table)
                ?? generator;
        }

        return mayBeNull ? new NullableGenerator(generator, StableHash.Derive(seed, "null"), NullableGenerator.DefaultShare) : generator;
    }

    // Columns generated relative to another come after it; otherwise in column order.
    private static Slot[] Order(List<ColumnBlueprint> columns, Dictionary<string, ColumnBlueprint> byName, List<ColumnBlueprint> all)
    {
        var done = new HashSet<ColumnBlueprint>();
        var result = new List<Slot>(columns.Count);
        void Visit(ColumnBlueprint column)
        {
            if (!done.Add(column))
            {
                return;
            }

            foreach (var name in DependenciesOf(column, all))
            {
                if (byName.TryGetValue(name, out var before) && columns.Contains(before))
                {
                    Visit(before);
                }
            }

            result.Add(new Slot(all.IndexOf(column), column.Generator!));
        }

        foreach (var column in columns)
        {
            Visit(column);
        }

        return [.. result];
    }

    // An e-mail or user name column without pattern or list, in a table with name columns generated with the row:
    // their outputs (-1 for a kind the table lacks).
    private static (int First, int Last, int Full)? NameSources(ColumnBlueprint column, List<ColumnBlueprint> all)
    {
        if (column.Kind is not (SemanticKind.Email or SemanticKind.UserName) || column.Constraints.Type.Kind != PgTypeKind.Text
            || column.Finite is not null || column.Role is not (UniqueRole.None or UniqueRole.Injective)
            || column.Referenced || column.Deferred)
        {
            return null;
        }

        int Find(SemanticKind kind) => all.FindIndex(b => b.Kind == kind && b.ForeignKey is null && !b.Deferred && b.Constraints.Type.Kind == PgTypeKind.Text);
        var names = (Find(SemanticKind.FirstName), Find(SemanticKind.LastName), Find(SemanticKind.FullName));
        return names is (< 0, < 0, < 0) ? null : names;
    }

    // The columns a column's generator reads from the row: the one it is generated relative to, the one its
    // nullness follows, the names an e-mail address is made of.
    private static IEnumerable<string> DependenciesOf(ColumnBlueprint column, List<ColumnBlueprint> all)
    {
        if (NameSources(column, all) is { } names)
        {
            foreach (var output in (int[])[names.First, names.Last, names.Full])
            {
                if (output >= 0)
                {
                    yield return all[output].Column.Name;
                }
            }
        }

        if (column.Anchor is { } anchor)
        {
            yield return anchor.Right;
        }

        if (column.Override is null && column.Constraints.Conditional is { } conditional)
        {
            yield return conditional.Condition.Column;
        }
    }

    private static RowGuard Guard(KeyConstraint key, List<ColumnBlueprint> members, Slot[] slots, List<ColumnBlueprint> all, Dictionary<string, ColumnBlueprint> byName)
    {
        // The members, and whatever is generated relative to them, are redrawn together.
        var redraw = new HashSet<ColumnBlueprint>(members.Where(m => m.ForeignKey is null || m.Override is not null || m.Role == UniqueRole.None));
        bool changed;
        do
        {
            changed = false;
            foreach (var column in all)
            {
                if (DependenciesOf(column, all).Any(name => byName.TryGetValue(name, out var before) && redraw.Contains(before)))
                {
                    changed |= redraw.Add(column);
                }
            }
        }
        while (changed);

        var outputs = members.Select(m => all.IndexOf(m)).ToArray();
        var redrawSlots = slots.Where(slot => redraw.Contains(all[slot.Output])).ToArray();
        return new RowGuard(key.Name, string.Join(", ", members.Select(m => m.Column.Name)), outputs, redrawSlots);
    }

    // The columns the second pass finds rows by: the primary key, else a unique constraint of NOT NULL columns.
    private static IReadOnlyList<ColumnSchema> Key(TableSchema table, List<ColumnBlueprint> all, bool needed, PlanningContext context)
    {
        if (!needed)
        {
            return [];
        }

        var candidates = (table.PrimaryKey is { } primary ? new[] { primary } : []).Concat(table.Uniques);
        foreach (var key in candidates)
        {
            var columns = key.Columns.Select(name => all.FirstOrDefault(b => b.Column.Name == name)).ToList();
            if (columns.All(c => c is { Deferred: false } && !c.Column.IsNullable))
            {
                return columns.Select(c => c!.Column).ToList();
            }
        }

        var deferred = all.Where(b => b.Deferred).ToList();
        context.Diagnostics.Error(
            DiagnosticCodes.SeedDeferredWithoutKey, context.LocationOf(table), table.DisplayName,
            string.Join(", ", deferred.Select(b => b.ForeignKey!.Name).Distinct()),
            string.Join(", ", deferred.Select(b => $"{table.DisplayName}.{b.Column.Name}")));
        return [];
    }
}
