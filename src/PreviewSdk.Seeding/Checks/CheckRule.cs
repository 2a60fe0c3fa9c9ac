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

/// <summary><c>column NOT IN (…)</c>, printed by PostgreSQL as <c>column &lt;&gt; ALL (ARRAY[…])</c>.</summary>
/// <param name="Column">The column.</param>
/// <param name="Values">The excluded constants, as text.</param>
public sealed record NotInList(string Column, IReadOnlyList<string> Values) : ColumnRule(Column);

/// <summary>
/// Whether a column may, must or must not be NULL in a row depends on another column of that row: the CHECKs
/// <c>(state = 'closed') = (closed_at IS NOT NULL)</c>, <c>state &lt;&gt; 'shipped' OR shipped_at IS NOT NULL</c>
/// and <c>CASE WHEN state = 'closed' THEN closed_at IS NOT NULL ELSE closed_at IS NULL END</c>. Generated per row,
/// so every state of the controlling column still occurs.
/// </summary>
/// <param name="Column">The column whose nullness depends on the condition.</param>
/// <param name="Condition">The condition on the controlling column.</param>
/// <param name="WhenMet">What the column must be in rows that meet the condition.</param>
/// <param name="WhenNotMet">What it must be in the other rows.</param>
public sealed record NullWhen(string Column, RowCondition Condition, NullRequirement WhenMet, NullRequirement WhenNotMet) : ColumnRule(Column);

/// <summary>A condition on one column of a row: its value in a list (or not), or it being NULL (or not).</summary>
/// <param name="Column">The controlling column.</param>
/// <param name="Values">The listed constants as text (empty for a NULL test); <c>true</c> for a bare boolean column.</param>
/// <param name="TestsNull">True for <c>column IS NULL</c>.</param>
/// <param name="Negated">True when the condition is the opposite (<c>&lt;&gt;</c>, <c>NOT IN</c>, <c>IS NOT NULL</c>).</param>
public sealed record RowCondition(string Column, IReadOnlyList<string> Values, bool TestsNull, bool Negated);

/// <summary>What a <see cref="NullWhen"/> asks of its column in some rows.</summary>
public enum NullRequirement
{
    /// <summary>Anything: NULL or a value.</summary>
    Any,

    /// <summary>NULL.</summary>
    Null,

    /// <summary>A value.</summary>
    NotNull,
}

/// <summary>
/// <c>column = expression</c> of other columns of the row (<c>total = quantity * unit_price</c>): PostgreSQL
/// computes the column from the expression as the row is inserted.
/// </summary>
/// <param name="Column">The computed column.</param>
/// <param name="Expression">The expression as SQL.</param>
/// <param name="Uses">The columns the expression reads.</param>
public sealed record ComputedAs(string Column, string Expression, IReadOnlyList<string> Uses) : ColumnRule(Column);

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
