using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Settings;

/// <summary>What preview.yaml says to put in one column, replacing the generator inferred from its name and type.</summary>
public abstract record ColumnOverride
{
    /// <summary>Where the override is written, for diagnostics.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>A Bogus dataset method by path, e.g. <c>internet.email</c>, <c>name.firstName</c>, <c>commerce.productName</c>.</summary>
/// <param name="Path">The dataset and method, case-insensitive, as in Bogus's API (<c>address.city</c>).</param>
public sealed record DatasetOverride(string Path) : ColumnOverride;

/// <summary>The same value in every row; null writes NULL.</summary>
/// <param name="Value">The value as text (converted to the column's type), or null.</param>
public sealed record ConstantOverride(string? Value) : ColumnOverride;

/// <summary>One of a list of values, each with a relative weight (1 when not given).</summary>
/// <param name="Values">The values as text, converted to the column's type, in the order written.</param>
public sealed record ValuesOverride(IReadOnlyList<WeightedValue> Values) : ColumnOverride;

/// <summary>A value as text with its relative weight.</summary>
/// <param name="Value">The value as text, or null for NULL.</param>
/// <param name="Weight">Its relative weight, greater than 0.</param>
public sealed record WeightedValue(string? Value, double Weight);

/// <summary>A number or date between <paramref name="Min"/> and <paramref name="Max"/>, both included.</summary>
/// <param name="Min">The lower bound as text (<c>1</c>, <c>9.99</c>, <c>2024-01-01</c>).</param>
/// <param name="Max">The upper bound as text.</param>
public sealed record RangeOverride(string Min, string Max) : ColumnOverride;

/// <summary>
/// An SQL expression PostgreSQL evaluates for every row as the rows are inserted, with the row's generated columns
/// in scope: <c>to_tsvector('english', title)</c>, <c>lower(email)</c>, <c>tstzrange(starts_at, ends_at)</c>.
/// Deterministic as long as the expression is (no <c>random()</c> or <c>now()</c>).
/// </summary>
/// <param name="Sql">The expression.</param>
public sealed record ExpressionOverride(string Sql) : ColumnOverride;
