using PreviewSdk.Seeding.Checks;

namespace PreviewSdk.Seeding.Tests.Checks;

/// <summary>
/// Rules written back as short SQL-like text, so tests compare whole rule lists in one readable string (rule records
/// hold lists, which records compare by reference).
/// </summary>
internal static class RuleText
{
    public static string Describe(IReadOnlyList<CheckRule>? rules) =>
        rules is null ? "<null>" : string.Join(" AND ", rules.Select(Describe));

    public static string Describe(CheckRule rule) => rule switch
    {
        CompareToConstant compare => $"{compare.Column} {Symbol(compare.Operator)} {compare.Value}",
        CompareColumns compare => $"{compare.Left} {Symbol(compare.Operator)} {compare.Right}",
        InList list => $"{list.Column} IN ({string.Join(", ", list.Values)})",
        LengthCompare length => $"length({length.Column}) {Symbol(length.Operator)} {length.Length}",
        NotNull notNull => $"{notNull.Column} IS NOT NULL",
        IsNull isNull => $"{isNull.Column} IS NULL",
        MatchesPattern match => $"{match.Column} ~ {match.Pattern}",
        AnyOf any => string.Join(" OR ", any.Branches.Select(branch => "(" + Describe(branch) + ")")),
        NotInList list => $"{list.Column} NOT IN ({string.Join(", ", list.Values)})",
        NullWhen tied => $"{tied.Column}: {tied.WhenMet} if {Describe(tied.Condition)}, else {tied.WhenNotMet}",
        ComputedAs computed => $"{computed.Column} := {computed.Expression}",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "A rule kind the tests do not know."),
    };

    private static string Describe(RowCondition condition) =>
        condition.TestsNull
            ? $"{condition.Column} IS {(condition.Negated ? "NOT " : string.Empty)}NULL"
            : $"{condition.Column} {(condition.Negated ? "NOT " : string.Empty)}IN ({string.Join(", ", condition.Values)})";

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };
}
