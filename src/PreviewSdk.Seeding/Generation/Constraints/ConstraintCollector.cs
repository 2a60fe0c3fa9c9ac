using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>
/// Gathers what limits each column of a table: its type, NOT NULL, the table's CHECK rules and its domain's CHECK
/// rules. A disjunction is satisfied through one branch chosen once for the whole table (preferring branches that
/// do not force a column to NULL). Reports checks it cannot read (PREVIEW4017) and contradictions (PREVIEW4018), except on columns with an override, whose values are tested instead.
/// </summary>
internal sealed class ConstraintCollector
{
    private const string DomainValue = "VALUE";
    private readonly TableSchema table;
    private readonly Func<string, bool> isOverridden;
    private readonly Func<string, bool> isComputed;
    private readonly Dictionary<string, ColumnConstraints> columns = new(StringComparer.Ordinal);
    private readonly List<ColumnRelation> relations = [];

    private ConstraintCollector(TableSchema table, Func<string, bool> isOverridden, Func<string, bool> isComputed)
    {
        this.table = table;
        this.isOverridden = isOverridden;
        this.isComputed = isComputed;
        foreach (var column in table.Columns)
        {
            columns[column.Name] = new ColumnConstraints(column);
        }
    }

    /// <summary>The constraints of <paramref name="table"/>; problems go to <paramref name="diagnostics"/> at <paramref name="location"/>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="isOverridden">Whether a column has an override (then its problems are the override's to solve).</param>
    /// <param name="isComputed">Whether a column is computed by an <c>expression:</c> override (which can satisfy a check over several columns on its own).</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="location">Where to report them: the table's seed entry or the settings file.</param>
    public static TableConstraints Collect(TableSchema table, Func<string, bool> isOverridden, Func<string, bool> isComputed, DiagnosticBag diagnostics, SourceLocation location)
    {
        var collector = new ConstraintCollector(table, isOverridden, isComputed);
        collector.Run(diagnostics, location);
        return new TableConstraints(collector.columns, collector.relations);
    }

    private void Run(DiagnosticBag diagnostics, SourceLocation location)
    {
        foreach (var check in table.Checks)
        {
            Add(check, null, $"CHECK '{check.Name}'", diagnostics, location);
        }

        foreach (var column in table.Columns)
        {
            foreach (var check in column.Type.DomainChecks)
            {
                Add(check, column.Name, $"CHECK '{check.Name}' of domain {column.Type.Name}", diagnostics, location);
            }
        }

        foreach (var (name, constraints) in columns)
        {
            if (!isOverridden(name) && constraints.Contradiction() is { } contradiction)
            {
                var sources = constraints.Rules.Select(rule => rule.Source).Distinct().Prepend(constraints.Column.Type.Name);
                diagnostics.Error(DiagnosticCodes.SeedCheckUnsatisfiable, location, Qualified(name), string.Join(", ", sources), contradiction);
            }
        }
    }

    private void Add(CheckConstraint check, string? domainColumn, string source, DiagnosticBag diagnostics, SourceLocation location)
    {
        var mentioned = domainColumn is null ? check.Columns : [domainColumn];
        if (check.Rules is null)
        {
            // A column computed by an expression can be computed so that the check holds, whatever the others are.
            var missing = mentioned.Where(column => !isOverridden(column)).ToList();
            if ((missing.Count > 0 && !mentioned.Any(isComputed)) || mentioned.Count == 0)
            {
                var columnsToFix = missing.Count > 0 ? missing : table.Columns.Select(c => c.Name).ToList();
                diagnostics.Error(
                    DiagnosticCodes.SeedCheckNotUnderstood, location, check.Name, table.DisplayName, check.Expression,
                    DiagnosticFactory.NameList(columnsToFix.Select(Qualified)), Qualified(columnsToFix[^1]));
            }

            return;
        }

        foreach (var rule in check.Rules)
        {
            var named = domainColumn is null ? rule : Rename(rule, domainColumn);
            if (!Apply(named, source, columns, relations, trial: false, out var problem))
            {
                var column = (named as ColumnRule)?.Column ?? mentioned.FirstOrDefault() ?? table.Columns[0].Name;
                if (!isOverridden(column))
                {
                    diagnostics.Error(DiagnosticCodes.SeedCheckUnsatisfiable, location, Qualified(column), source, problem);
                }
            }
        }
    }

    // Applies one rule to the constraints in 'target'; false (with the reason) when the seeder cannot satisfy it.
    private bool Apply(CheckRule rule, string source, Dictionary<string, ColumnConstraints> target, List<ColumnRelation> related, bool trial, out string? problem)
    {
        problem = null;
        switch (rule)
        {
            case AnyOf any:
                return Choose(any, source, target, related, trial, out problem);
            case CompareColumns compare:
                related.Add(new ColumnRelation(compare.Left, compare.Operator, compare.Right, source));
                return true;
            case ColumnRule columnRule when !target.ContainsKey(columnRule.Column):
                // A rule about something other than a column of this table (the parser's business); nothing to do.
                return true;
        }

        var constraints = target[((ColumnRule)rule).Column];
        if (!trial)
        {
            constraints.Rules.Add((source, rule));
        }

        switch (rule)
        {
            case NotNull:
                constraints.NotNull = true;
                return true;
            case IsNull:
                constraints.ForcedNull = true;
                return !constraints.NotNull || Fail("it must be NULL, but the column is NOT NULL", out problem);
            case LengthCompare length:
                return ApplyLength(constraints, length, out problem);
            case MatchesPattern match:
                return ApplyPattern(constraints, match, source, trial, out problem);
            case InList list:
                return Restrict(constraints, list.Values.Select(value => ValueConverter.TryConvert(value, constraints.Column.Type, out _)).OfType<object>().ToList());
            case NotInList excluded:
                constraints.Excluded.AddRange(excluded.Values.Select(value => ValueConverter.TryConvert(value, constraints.Column.Type, out _)).OfType<object>());
                return true;
            case NullWhen conditional:
                return ApplyConditional(constraints, conditional, target, out problem);
            case ComputedAs computed:
                constraints.Computed ??= computed;
                return true;
            case CompareToConstant compare:
                return ConstantBound.Apply(constraints, compare, out problem);
            default:
                return Fail($"the rule {rule} is not supported", out problem);
        }
    }

    private bool Choose(AnyOf any, string source, Dictionary<string, ColumnConstraints> target, List<ColumnRelation> related, bool trial, out string? problem)
    {
        // Branches that leave every column able to hold a value first: forcing a column NULL is the last resort.
        var ordered = any.Branches.OrderBy(branch => branch.Any(rule => rule is IsNull) ? 1 : 0).ToList();
        foreach (var branch in ordered)
        {
            var copy = target.ToDictionary(pair => pair.Key, pair => pair.Value.Clone(), StringComparer.Ordinal);
            var copyRelations = new List<ColumnRelation>();
            var ok = true;
            foreach (var rule in branch)
            {
                ok &= Apply(rule, source, copy, copyRelations, trial: true, out _);
            }

            if (ok && copy.Values.All(c => c.Contradiction() is null))
            {
                foreach (var rule in branch)
                {
                    Apply(rule, source, target, related, trial: true, out _);
                }

                if (!trial)
                {
                    foreach (var name in ColumnsOf(any))
                    {
                        target[name].Rules.Add((source, any));
                    }
                }

                problem = null;
                return true;
            }
        }

        return Fail("no alternative of the OR can be satisfied", out problem);
    }

    private IEnumerable<string> ColumnsOf(AnyOf any) =>
        any.Branches.SelectMany(branch => branch).OfType<ColumnRule>().Select(rule => rule.Column).Where(columns.ContainsKey).Distinct();

    // The column's nullness follows another column per row. A NOT NULL column cannot be NULL in any row, so the
    // controlling column is kept out of the state that would ask for it.
    private static bool ApplyConditional(ColumnConstraints constraints, NullWhen conditional, Dictionary<string, ColumnConstraints> target, out string? problem)
    {
        problem = null;
        if (!target.TryGetValue(conditional.Condition.Column, out var controller))
        {
            return Fail($"it ties the column to '{conditional.Condition.Column}', which the table does not have", out problem);
        }

        if (constraints.Conditional is not null)
        {
            return Fail("another check already ties the column's nullness to a column", out problem);
        }

        constraints.Conditional = conditional;
        if (!constraints.NotNull)
        {
            return true;
        }

        var condition = conditional.Condition;
        if (conditional.WhenMet == NullRequirement.Null)
        {
            KeepFrom(controller, condition, meeting: false);
        }

        if (conditional.WhenNotMet == NullRequirement.Null)
        {
            KeepFrom(controller, condition, meeting: true);
        }

        return controller.Contradiction() is null || Fail($"'{condition.Column}' is left no value: the column is NOT NULL", out problem);
    }

    // Restricts the controlling column to rows that meet the condition (or to rows that do not).
    private static void KeepFrom(ColumnConstraints controller, RowCondition condition, bool meeting)
    {
        var inList = meeting != condition.Negated;
        if (condition.TestsNull)
        {
            if (inList)
            {
                controller.ForcedNull = true;
            }
            else
            {
                controller.NotNull = true;
            }

            return;
        }

        var values = condition.Values.Select(value => ValueConverter.TryConvert(value, controller.Column.Type, out _)).OfType<object>().ToList();
        if (inList)
        {
            Restrict(controller, values);
        }
        else
        {
            controller.Excluded.AddRange(values);
        }
    }

    private static bool ApplyLength(ColumnConstraints constraints, LengthCompare length, out string? problem)
    {
        problem = null;
        switch (length.Operator)
        {
            case ComparisonOperator.GreaterOrEqual:
                constraints.MinLength = Math.Max(constraints.MinLength, length.Length);
                break;
            case ComparisonOperator.Greater:
                constraints.MinLength = Math.Max(constraints.MinLength, length.Length + 1);
                break;
            case ComparisonOperator.LessOrEqual:
                constraints.MaxLength = Math.Min(constraints.MaxLength ?? int.MaxValue, length.Length);
                break;
            case ComparisonOperator.Less:
                constraints.MaxLength = Math.Min(constraints.MaxLength ?? int.MaxValue, length.Length - 1);
                break;
            case ComparisonOperator.Equal:
                constraints.MinLength = Math.Max(constraints.MinLength, length.Length);
                constraints.MaxLength = Math.Min(constraints.MaxLength ?? int.MaxValue, length.Length);
                break;
            default:
                // length <> n: one length fewer; generated text rarely has exactly that length, and a short
                // text gets one more character (see the text generators), so nothing to restrict.
                break;
        }

        return constraints.Type.Kind == PgTypeKind.Text || Fail("it measures the length of a value that is not text", out problem);
    }

    private bool ApplyPattern(ColumnConstraints constraints, MatchesPattern match, string source, bool trial, out string? problem)
    {
        problem = null;
        if (constraints.Type.Kind != PgTypeKind.Text)
        {
            return Fail("it matches a regular expression against a value that is not text", out problem);
        }

        if (constraints.PatternText is not null)
        {
            // A second pattern is tested, not generated for: values of the first are checked against it.
            return true;
        }

        constraints.PatternText = match.Pattern;
        constraints.Pattern = SimplePattern.TryParse(match.Pattern);
        if (constraints.Pattern is null && !trial)
        {
            // Beyond the seeder's patterns: the planner tests the inferred values against it and reports it only
            // when they do not match (PREVIEW4019).
            constraints.PatternSource = source;
        }

        return constraints.Pattern is not null || !trial;
    }

    private static bool Restrict(ColumnConstraints constraints, List<object> values)
    {
        constraints.Allowed = constraints.Allowed is null ? values : constraints.Allowed.Where(values.Contains).ToList();
        return true;
    }

    private static CheckRule Rename(CheckRule rule, string column) => rule switch
    {
        AnyOf any => new AnyOf(any.Branches.Select(branch => (IReadOnlyList<CheckRule>)branch.Select(inner => Rename(inner, column)).ToList()).ToList()),
        ColumnRule named when string.Equals(named.Column, DomainValue, StringComparison.OrdinalIgnoreCase) => named with { Column = column },
        _ => rule,
    };

    private static bool Fail(string reason, out string? problem)
    {
        problem = reason;
        return false;
    }

    private string Qualified(string column) => $"{table.DisplayName}.{column}";
}
