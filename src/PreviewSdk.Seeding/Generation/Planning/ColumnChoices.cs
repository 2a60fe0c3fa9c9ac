using System.Globalization;
using System.Text.RegularExpressions;
using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// Says, for the seed report, what each column of a planned table gets and why: an override, a foreign key, a
/// constraint, what its name says, or (a fallback) only what its type allows, which is what a user may want to
/// override.
/// </summary>
internal static partial class ColumnChoices
{
    /// <summary>One choice per column of <paramref name="table"/>, in column order.</summary>
    public static IReadOnlyList<ColumnChoice> Describe(
        TableSchema table, IReadOnlyList<ColumnBlueprint> blueprints, IReadOnlyList<ComputedColumn> computed, PlanningContext context)
    {
        var choices = new List<ColumnChoice>(table.Columns.Count);
        foreach (var column in table.Columns)
        {
            var blueprint = blueprints.FirstOrDefault(b => b.Column == column);
            choices.Add(
                column.IsGenerated ? new(column.Name, "computed by PostgreSQL", "GENERATED ALWAYS AS … STORED", false)
                : computed.FirstOrDefault(c => c.Column == column) is { } formula ? Computed(column, formula, context.OverrideOf(table, column.Name))
                : blueprint is null ? new(column.Name, "(not written)", string.Empty, false)
                : Describe(blueprint));
        }

        return choices;
    }

    private static ColumnChoice Computed(ColumnSchema column, ComputedColumn formula, ColumnOverride? columnOverride) =>
        new(column.Name, $"computed by PostgreSQL: `{formula.Expression}`", columnOverride is null ? "a CHECK makes it equal to this" : "override: expression", false);

    private static ColumnChoice Describe(ColumnBlueprint column)
    {
        var name = column.Column.Name;
        var (values, reason, fallback) = column switch
        {
            { Override: { } given } => (Overridden(given), "override in preview.yaml", false),
            { ForeignKey: { } fk } => ($"keys of {fk.ReferencedDisplayName}" + (column.Deferred ? " (set by a second pass)" : string.Empty), $"foreign key {fk.Name}", false),
            { KeysOf: { } parent } => ($"keys of {parent} ({Range(column)})", $"its name ends in _id and names {parent} (no foreign key)", false),
            { Column.IsSequenceBacked: true } => ("1, 2, 3… (the sequence moves past them)", column.Column.Identity != IdentityKind.None ? "identity column" : "serial column", false),
            { Finite: { Count: > 0 } finite } when column.Constraints.Allowed is not null => ($"one of {Listed(finite)}", "CHECK list", false),
            { Finite: { Count: > 0 } finite } when column.Constraints.Type.Kind == PgTypeKind.Enum => ($"one of {Listed(finite)}", $"enum {column.Constraints.Type.Name}", false),
            { Finite: { Count: > 0 } finite } => ($"one of {Listed(finite)}", $"type {column.Column.Type.Name}", false),
            { Constraints.Pattern: not null } => ($"text matching `{column.Constraints.PatternText}`", "CHECK pattern", false),
            { Kind: not SemanticKind.None } => (KindText(column), $"name '{name}'", false),
            _ => (TypeText(column), $"type {column.Column.Type.Name}; nothing in the name '{name}' says more", true),
        };

        if (column.MadeFrom is { Count: > 0 } sources)
        {
            values += $", made from {string.Join(" and ", sources)}";
        }

        if (column.Anchor is { } anchor)
        {
            values += $", {Operator(anchor.Operator)} {anchor.Right}";
            reason += $"; {anchor.Source}";
        }

        if (column.Override is null && column.Constraints.Conditional is { } tied)
        {
            values += $", NULL or not as {tied.Condition.Column} says";
            reason += "; a CHECK ties it to " + tied.Condition.Column;
        }

        return new ColumnChoice(name, values, reason, fallback);
    }

    private static string Overridden(ColumnOverride given) => given switch
    {
        ConstantOverride constant => $"constant `{constant.Value ?? "NULL"}`",
        ValuesOverride list => $"one of {string.Join(", ", list.Values.Select(v => v.Value ?? "NULL"))}",
        RangeOverride range => $"between {range.Min} and {range.Max}",
        DatasetOverride dataset => $"dataset {dataset.Path}",
        ExpressionOverride expression => $"`{expression.Sql}`",
        _ => "override",
    };

    private static string Listed(IReadOnlyList<object?> values) =>
        values.Count <= 6
            ? string.Join(", ", values.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "NULL"))
            : $"{values.Count} values";

    // "EmailAddress" → "e-mail addresses"-like plain words.
    private static string KindText(ColumnBlueprint column) => column.Kind switch
    {
        SemanticKind.Email => "e-mail addresses on example domains",
        SemanticKind.Phone => "phone numbers in the fictional 555-01xx range",
        SemanticKind.IpAddress => "documentation IP addresses",
        SemanticKind.Url => "URLs on example domains",
        SemanticKind.CountryCode => "ISO 3166 alpha-2 country codes",
        SemanticKind.CountryCode3 => "ISO 3166 alpha-3 country codes",
        SemanticKind.Currency => "ISO 4217 currency codes",
        SemanticKind.Language => "ISO 639-1 language codes",
        _ when column.Constraints.Scale is not null && !column.Range.IsEmpty => $"{Words(column.Kind)} ({Range(column)})",
        _ => Words(column.Kind),
    };

    private static string TypeText(ColumnBlueprint column)
    {
        var type = column.Constraints.Type;
        return type.Kind switch
        {
            PgTypeKind.Text => "lorem ipsum words",
            PgTypeKind.Boolean => "true or false",
            PgTypeKind.Uuid => "random uuids",
            PgTypeKind.Json or PgTypeKind.Jsonb => "small JSON objects",
            PgTypeKind.Bytea => "random bytes",
            PgTypeKind.Array => $"arrays of {type.Element?.Name}",
            PgTypeKind.Unsupported => column.Column.IsNullable ? "NULL (no generator for the type)" : "nothing (needs an override)",
            _ when type.IsTextForm => $"{type.Name} values",
            _ when column.Constraints.Scale is not null => Range(column),
            _ => type.Name,
        };
    }

    private static string Range(ColumnBlueprint column)
    {
        var scale = column.Constraints.Scale!;
        var range = column.NaturalRange.IsEmpty ? column.Range : column.NaturalRange;
        return range.IsEmpty ? "its type's range" : $"{Show(scale.FromUnits(range.Lo))} to {Show(scale.FromUnits(range.Hi))}";
    }

    private static string Show(object value) => value switch
    {
        DateTime moment when moment.TimeOfDay == TimeSpan.Zero => moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Operator(Checks.ComparisonOperator op) => op switch
    {
        Checks.ComparisonOperator.Greater => "after",
        Checks.ComparisonOperator.GreaterOrEqual => "at or after",
        Checks.ComparisonOperator.Less => "before",
        Checks.ComparisonOperator.LessOrEqual => "at or before",
        Checks.ComparisonOperator.Equal => "equal to",
        _ => "not equal to",
    };

    private static string Words(SemanticKind kind) => PascalWords().Replace(kind.ToString(), " $1").Trim().ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex PascalWords();
}
