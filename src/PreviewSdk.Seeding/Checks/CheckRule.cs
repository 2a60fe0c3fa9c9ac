namespace PreviewSdk.Seeding.Checks;

/// <summary>
/// One simple condition out of a CHECK constraint that the generator can satisfy by construction. A CHECK is a
/// conjunction of rules; in a domain check, <see cref="ColumnRule.Column"/> is <c>VALUE</c>.
/// </summary>
public abstract record CheckRule;

/// <summary>A rule about one column.</summary>
/// <param name="Column">The column name, or <c>VALUE</c> in a domain check.</param>
public abstract record ColumnRule(string Column) : CheckRule;

/// <summary><c>column &lt;op&gt; constant</c>, e.g. <c>price &gt;= 0</c>, <c>ends_at &gt; '2020-01-01'</c>.</summary>
/// <param name="Column">The column.</param>
/// <param name="Operator">The comparison; the column is on its left (the parser flips <c>0 &lt; x</c>).</param>
/// <param name="Value">The constant, as text without casts or quotes (<c>0</c>, <c>9.99</c>, <c>2020-01-01</c>).</param>
public sealed record CompareToConstant(string Column, ComparisonOperator Operator, string Value) : ColumnRule(Column);

/// <summary><c>column IN (…)</c>, printed by PostgreSQL as <c>column = ANY (ARRAY[…])</c>.</summary>
/// <param name="Column">The column.</param>
/// <param name="Values">The allowed constants, as text without casts or quotes, in the order written.</param>
public sealed record InList(string Column, IReadOnlyList<string> Values) : ColumnRule(Column);

/// <summary><c>length(column) &lt;op&gt; n</c> (also <c>char_length</c>, <c>character_length</c>).</summary>
/// <param name="Column">The column.</param>
/// <param name="Operator">The comparison, length on its left.</param>
/// <param name="Length">The number.</param>
public sealed record LengthCompare(string Column, ComparisonOperator Operator, int Length) : ColumnRule(Column);

/// <summary><c>column IS NOT NULL</c> inside a check.</summary>
/// <param name="Column">The column.</param>
public sealed record NotNull(string Column) : ColumnRule(Column);

/// <summary><c>column ~ 'pattern'</c>: a regular expression the text must match.</summary>
/// <param name="Column">The column.</param>
/// <param name="Pattern">The POSIX regular expression.</param>
public sealed record MatchesPattern(string Column, string Pattern) : ColumnRule(Column);

/// <summary><c>left &lt;op&gt; right</c> between two columns of the same row, e.g. <c>created_at &lt;= updated_at</c>.</summary>
/// <param name="Left">The left column.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Right">The right column.</param>
public sealed record CompareColumns(string Left, ComparisonOperator Operator, string Right) : CheckRule;

/// <summary>
/// <c>(a IS NULL) OR (b IS NOT NULL)</c>-style or any other disjunction the seeder satisfies by picking its first
/// satisfiable branch.
/// </summary>
/// <param name="Branches">Alternatives, each a conjunction of rules.</param>
public sealed record AnyOf(IReadOnlyList<IReadOnlyList<CheckRule>> Branches) : CheckRule;

/// <summary><c>column IS NULL</c> (only meaningful inside <see cref="AnyOf"/>).</summary>
/// <param name="Column">The column.</param>
public sealed record IsNull(string Column) : ColumnRule(Column);

/// <summary>A comparison operator.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>&lt;&gt;</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}
