using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Values;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// Builds the generator of a column whose nullness a check ties to another column of the row
/// (<see cref="NullWhen"/>): the other column's value is read from the row, which it is generated into first.
/// </summary>
internal static class ConditionalRows
{
    /// <summary>The generator, or null (after reporting why) when the controlling column is not generated with the row.</summary>
    public static ValueGenerator? Generator(
        ColumnBlueprint column, NullWhen rule, ValueGenerator values, List<ColumnBlueprint> all, bool nullable, ulong seed, PlanningContext context, TableSchema table)
    {
        var condition = rule.Condition;
        var controller = all.FindIndex(b => b.Column.Name == condition.Column);
        if (controller < 0 || all[controller].Deferred)
        {
            context.Diagnostics.Error(
                DiagnosticCodes.SeedCheckUnsatisfiable, context.LocationOf(table), $"{table.DisplayName}.{column.Column.Name}",
                $"a CHECK tying it to '{condition.Column}'",
                $"'{condition.Column}' is not generated with the row (it is computed, generated or set by a second pass)");
            return null;
        }

        return new ConditionalNullGenerator(values, controller, Matcher(condition, all[controller].Column.Type), rule.WhenMet, rule.WhenNotMet, nullable, seed);
    }

    private static Func<object?, bool> Matcher(RowCondition condition, PgType type)
    {
        if (condition.TestsNull)
        {
            return value => (value is null) != condition.Negated;
        }

        var listed = condition.Values.Select(text => ValueConverter.TryConvert(text, type, out _)).OfType<object>().ToList();
        return value => value is not null && listed.Exists(item => Equals(item, value)) != condition.Negated;
    }
}
