using System.Globalization;
using System.Text;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Checks;

/// <summary>
/// Checks that tie columns of a row together and must hold row by row rather than for the whole table: a column's
/// nullness tied to another column's state (equivalences, implications written as <c>NOT a OR b</c>, <c>CASE</c>),
/// and a column equal to arithmetic over others.
/// </summary>
public static partial class CheckExpressionParser
{
    private static readonly HashSet<string> ArithmeticOperators = new(StringComparer.Ordinal) { "+", "-", "*", "/", "%" };

    // (a = 'x') = (b IS NOT NULL): b's nullness follows a's condition both ways.
    private static NullWhen? Equivalence(CheckSyntax left, CheckSyntax right)
    {
        foreach (var (nullness, condition) in ((CheckSyntax, CheckSyntax)[])[(right, left), (left, right)])
        {
            if (NullnessOf(nullness) is { } tested && ConditionOf(condition) is { } met && met.Column != tested.Column)
            {
                return new NullWhen(tested.Column, met, tested.Requirement, Opposite(tested.Requirement));
            }
        }

        return null;
    }

    // a OR b with one side a nullness test and the other a condition on another column: when the condition does
    // not hold, the nullness must. (NOT (state = 'shipped') OR shipped_at IS NOT NULL: shipped rows have a date.)
    private static NullWhen? Implication(List<CheckSyntax> alternatives)
    {
        if (alternatives.Count != 2)
        {
            return null;
        }

        foreach (var (nullness, condition) in ((CheckSyntax, CheckSyntax)[])[(alternatives[1], alternatives[0]), (alternatives[0], alternatives[1])])
        {
            if (NullnessOf(nullness) is { } tested && ConditionOf(condition) is { TestsNull: false } met && met.Column != tested.Column)
            {
                return new NullWhen(tested.Column, met, NullRequirement.Any, tested.Requirement);
            }
        }

        return null;
    }

    // CASE WHEN cond THEN <nullness of c> [ELSE <nullness of c> | true] END (a missing ELSE is NULL: allowed).
    private static NullWhen? Case(CaseSyntax choice)
    {
        if (choice.Branches.Count != 1 || ConditionOf(choice.Branches[0].When) is not { } met)
        {
            return null;
        }

        var then = Requirement(choice.Branches[0].Then);
        var otherwise = choice.Else is null ? (Column: null, Requirement: NullRequirement.Any) : Requirement(choice.Else);
        if (then is not { } whenMet || otherwise is not { } whenNotMet)
        {
            return null;
        }

        var column = whenMet.Column ?? whenNotMet.Column;
        if (column is null || column == met.Column || (whenMet.Column is not null && whenNotMet.Column is not null && whenMet.Column != whenNotMet.Column))
        {
            return null;
        }

        return new NullWhen(column, met, whenMet.Requirement, whenNotMet.Requirement);
    }

    // A CASE result: a nullness test, or TRUE (anything goes).
    private static (string? Column, NullRequirement Requirement)? Requirement(CheckSyntax node) =>
        NullnessOf(node) is { } tested ? (tested.Column, tested.Requirement)
        : StripCasts(node) is ConstantSyntax { IsString: false, Value: "true" } ? (null, NullRequirement.Any)
        : null;

    private static (string Column, NullRequirement Requirement)? NullnessOf(CheckSyntax node) =>
        StripCasts(node) is IsSyntax { What: "NULL" } test && ColumnOf(test.Operand) is { } column
            ? (column, test.Negated ? NullRequirement.NotNull : NullRequirement.Null)
            : null;

    // A condition on one column whose values the seeder can tell apart per row.
    private static RowCondition? ConditionOf(CheckSyntax node)
    {
        node = StripCasts(node);
        switch (node)
        {
            case UnarySyntax { Operator: "NOT" } not:
                return ConditionOf(not.Operand) is { } inner ? inner with { Negated = !inner.Negated } : null;
            case IsSyntax { What: "NULL" } test when ColumnOf(test.Operand) is { } tested:
                return new RowCondition(tested, [], TestsNull: true, Negated: test.Negated);
            case IsSyntax { What: "TRUE" or "FALSE" } truth when ColumnOf(truth.Operand) is { } flag:
                return new RowCondition(flag, [truth.What == "TRUE" ? "true" : "false"], TestsNull: false, Negated: truth.Negated);
            case ColumnSyntax flag:
                return new RowCondition(flag.Name, ["true"], TestsNull: false, Negated: false);
            case BinarySyntax { Operator: "=" or "<>" or "!=" } compare when ColumnOf(compare.Left) is { } column && ConstantOf(compare.Right) is { } value:
                return new RowCondition(column, [value], TestsNull: false, Negated: compare.Operator != "=");
            case BinarySyntax { Operator: "=" or "<>" or "!=" } compare when ColumnOf(compare.Right) is { } column && ConstantOf(compare.Left) is { } value:
                return new RowCondition(column, [value], TestsNull: false, Negated: compare.Operator != "=");
            case QuantifiedSyntax { Operator: "=", Quantifier: "ANY" } any when InList(any) is { } list:
                return new RowCondition(list.Column, list.Values, TestsNull: false, Negated: false);
            case QuantifiedSyntax { Operator: "<>", Quantifier: "ALL" } all when InList(all) is { } excluded:
                return new RowCondition(excluded.Column, excluded.Values, TestsNull: false, Negated: true);
            default:
                return null;
        }
    }

    private static NullRequirement Opposite(NullRequirement requirement) => requirement switch
    {
        NullRequirement.Null => NullRequirement.NotNull,
        NullRequirement.NotNull => NullRequirement.Null,
        _ => NullRequirement.Any,
    };

    // total = quantity * unit_price: the column is computed from the others by PostgreSQL, exactly as the check
    // computes it.
    private static ComputedAs? Computed(CheckSyntax left, CheckSyntax right)
    {
        foreach (var (target, formula) in ((CheckSyntax, CheckSyntax)[])[(left, right), (right, left)])
        {
            var uses = new List<string>();
            if (ColumnOf(target) is { } column && StripCasts(formula) is BinarySyntax && Sql(formula, uses) is { } sql && uses.Count > 0 && !uses.Contains(column))
            {
                return new ComputedAs(column, sql, uses.Distinct().ToList());
            }
        }

        return null;
    }

    // Arithmetic over columns, constants, casts and function calls, printed back as SQL; null for anything else.
    private static string? Sql(CheckSyntax node, List<string> uses)
    {
        switch (node)
        {
            case ColumnSyntax column:
                uses.Add(column.Name);
                return SqlNames.Quote(column.Name);
            case ConstantSyntax { Value: null }:
                return "NULL";
            case ConstantSyntax { IsString: true } text:
                return "'" + text.Value!.Replace("'", "''", StringComparison.Ordinal) + "'";
            case ConstantSyntax number:
                return number.Value;
            case CastSyntax cast:
                return Sql(cast.Operand, uses) is { } operand ? $"({operand})::{cast.TypeName}" : null;
            case UnarySyntax { Operator: "-" or "+" } unary:
                return Sql(unary.Operand, uses) is { } inner ? $"({unary.Operator}{inner})" : null;
            case BinarySyntax binary when ArithmeticOperators.Contains(binary.Operator):
                return Sql(binary.Left, uses) is { } l && Sql(binary.Right, uses) is { } r ? $"({l} {binary.Operator} {r})" : null;
            case CallSyntax call:
                var arguments = new StringBuilder();
                foreach (var argument in call.Arguments)
                {
                    if (Sql(argument, uses) is not { } text)
                    {
                        return null;
                    }

                    arguments.Append(arguments.Length > 0 ? ", " : string.Empty).Append(text);
                }

                return string.Create(CultureInfo.InvariantCulture, $"{call.Name}({arguments})");
            default:
                return null;
        }
    }
}
