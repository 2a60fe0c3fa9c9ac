using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>
/// Narrows a column's constraints by <c>column &lt;op&gt; constant</c>: a bound of the range for ordered types
/// (rounded inward to whole units, so <c>price &gt; 0</c> on numeric(10,2) starts at 0.01), a one-value list for
/// <c>=</c>, an exclusion for <c>&lt;&gt;</c>.
/// </summary>
internal static class ConstantBound
{
    /// <summary>Applies the rule; false (with the reason) when the seeder cannot satisfy it.</summary>
    public static bool Apply(ColumnConstraints constraints, CompareToConstant compare, out string? problem)
    {
        problem = null;
        if (constraints.Scale is { } scale)
        {
            if (!scale.TryParse(compare.Value, out var value, out var units))
            {
                problem = $"'{compare.Value}' is not a {constraints.Column.Type.Name} value";
                return false;
            }

            var range = constraints.Range;
            constraints.Range = compare.Operator switch
            {
                ComparisonOperator.GreaterOrEqual => range with { Lo = Math.Max(range.Lo, OrdinalRange.Ceiling(units)) },
                ComparisonOperator.Greater => range with { Lo = Math.Max(range.Lo, OrdinalRange.Floor(units) + 1) },
                ComparisonOperator.LessOrEqual => range with { Hi = Math.Min(range.Hi, OrdinalRange.Floor(units)) },
                ComparisonOperator.Less => range with { Hi = Math.Min(range.Hi, OrdinalRange.Ceiling(units) - 1) },
                _ => range,
            };
            return Equality(constraints, compare.Operator, value!);
        }

        var converted = ValueConverter.TryConvert(compare.Value, constraints.Column.Type, out var error);
        if (converted is null)
        {
            problem = $"'{compare.Value}' cannot be compared with it: {error}";
            return false;
        }

        if (compare.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
        {
            if (converted is bool flag && compare.Operator == ComparisonOperator.NotEqual)
            {
                return Equality(constraints, ComparisonOperator.Equal, !flag);
            }

            return Equality(constraints, compare.Operator, converted);
        }

        if (constraints.Type.Kind == PgTypeKind.Enum)
        {
            // Enum labels are ordered as declared: keep the labels on the right side of the constant.
            var labels = constraints.Type.EnumLabels;
            var allowed = labels.Where(label => RuleEvaluator.Satisfies(compare, compare.Column, constraints.Column.Type, label)).Cast<object>().ToList();
            constraints.Allowed = constraints.Allowed is null ? allowed : constraints.Allowed.Where(allowed.Contains).ToList();
            return true;
        }

        problem = $"it orders {constraints.Column.Type.Name} values, which the seeder does not generate in order";
        return false;
    }

    private static bool Equality(ColumnConstraints constraints, ComparisonOperator op, object value)
    {
        if (op == ComparisonOperator.Equal)
        {
            constraints.Allowed = constraints.Allowed is null ? [value] : constraints.Allowed.Where(item => Equals(item, value)).ToList();
        }
        else if (op == ComparisonOperator.NotEqual)
        {
            constraints.Excluded.Add(value);
        }

        return true;
    }
}
