using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>
/// Everything that limits one column's values, gathered from its type (length, precision), NOT NULL and the CHECK
/// rules about it (table checks and its domain's checks): the allowed range, list, length and pattern the
/// generators build values within, and the rules themselves to test override values against.
/// </summary>
internal sealed class ColumnConstraints
{
    /// <summary>The constraints of a column before any CHECK: its type's and its NOT NULL.</summary>
    public ColumnConstraints(ColumnSchema column)
    {
        Column = column;
        Scale = OrdinalScale.For(column.Type.ValueType);
        Range = Scale?.Limits ?? new OrdinalRange(0, -1);
        NotNull = !column.IsNullable;
        MaxLength = column.Type.MaxLength ?? column.Type.ValueType.MaxLength;
    }

    private ColumnConstraints(ColumnConstraints other)
    {
        Column = other.Column;
        Scale = other.Scale;
        Range = other.Range;
        NotNull = other.NotNull;
        ForcedNull = other.ForcedNull;
        Allowed = other.Allowed is null ? null : [.. other.Allowed];
        Excluded = [.. other.Excluded];
        MinLength = other.MinLength;
        MaxLength = other.MaxLength;
        Pattern = other.Pattern;
        PatternText = other.PatternText;
        PatternSource = other.PatternSource;
        Rules = [.. other.Rules];
        Conditional = other.Conditional;
        Computed = other.Computed;
    }

    /// <summary>The column.</summary>
    public ColumnSchema Column { get; }

    /// <summary>The type values are generated for (a domain's base type).</summary>
    public PgType Type => Column.Type.ValueType;

    /// <summary>The units of an ordered type, else null.</summary>
    public OrdinalScale? Scale { get; }

    /// <summary>The allowed values of an ordered type, in units of <see cref="Scale"/>.</summary>
    public OrdinalRange Range { get; set; }

    /// <summary>NULL is not allowed (NOT NULL, a domain's NOT NULL, or <c>IS NOT NULL</c> in a check).</summary>
    public bool NotNull { get; set; }

    /// <summary>A check branch chosen to satisfy a disjunction says the column is always NULL.</summary>
    public bool ForcedNull { get; set; }

    /// <summary>The only values allowed (from <c>IN</c> lists and <c>= constant</c>), or null when not limited to a list.</summary>
    public List<object>? Allowed { get; set; }

    /// <summary>Values ruled out by <c>&lt;&gt; constant</c>.</summary>
    public List<object> Excluded { get; } = [];

    /// <summary>The shortest text allowed.</summary>
    public int MinLength { get; set; }

    /// <summary>The longest text allowed, or null.</summary>
    public int? MaxLength { get; set; }

    /// <summary>The pattern generated text follows, when a check requires one the seeder understands.</summary>
    public SimplePattern? Pattern { get; set; }

    /// <summary>The regular expression of <see cref="Pattern"/>, or of a pattern beyond the seeder.</summary>
    public string? PatternText { get; set; }

    /// <summary>Its nullness per row, tied to another column's state by a check; null when not tied.</summary>
    public NullWhen? Conditional { get; set; }

    /// <summary>A check that makes it equal to arithmetic over other columns: PostgreSQL computes it.</summary>
    public ComputedAs? Computed { get; set; }

    /// <summary>The constraint of a pattern beyond <see cref="SimplePattern"/> (then <see cref="Pattern"/> is null), else null.</summary>
    public string? PatternSource { get; set; }

    /// <summary>Every rule about the column with the constraint it comes from, for testing values against.</summary>
    public List<(string Source, CheckRule Rule)> Rules { get; } = [];

    /// <summary>An independent copy, to try a disjunction's branch on.</summary>
    public ColumnConstraints Clone() => new(this);

    /// <summary>Whether <paramref name="value"/> fits: null when it does, else what it breaks.</summary>
    public string? Violation(object? value)
    {
        if (value is null)
        {
            return NotNull ? "NOT NULL" : null;
        }

        if (value is string text && MaxLength is { } max && text.Length > max)
        {
            return $"the column's length limit of {max}";
        }

        if (Scale is { } scale && scale.ToUnits(value) is { } units && (units < scale.Limits.Lo || units > scale.Limits.Hi))
        {
            return $"the range of {Column.Type.Name}";
        }

        foreach (var (source, rule) in Rules)
        {
            if (!RuleEvaluator.Satisfies(rule, Column.Name, Column.Type, value))
            {
                return source;
            }
        }

        return null;
    }

    /// <summary>True when a non-null value fits the range, list, exclusions, length and pattern used for generation.</summary>
    public bool Admits(object value)
    {
        if (Scale is { } scale && scale.ToUnits(value) is { } units && (units < Range.Lo || units > Range.Hi))
        {
            return false;
        }

        if (value is string text
            && (text.Length < MinLength || text.Length > (MaxLength ?? int.MaxValue)
                || (PatternText is { } pattern && !RuleEvaluator.Matches(text, pattern))))
        {
            return false;
        }

        foreach (var excluded in Excluded)
        {
            if (Equals(excluded, value))
            {
                return false;
            }
        }

        return Allowed is null || Allowed.Exists(item => Equals(item, value));
    }

    /// <summary>What leaves no value to generate, or null when something is left.</summary>
    public string? Contradiction()
    {
        if (ForcedNull)
        {
            return NotNull ? "it must be NULL and NOT NULL at once" : null;
        }

        if (Scale is not null && Range.IsEmpty)
        {
            return "the allowed range is empty";
        }

        if (MinLength > (MaxLength ?? int.MaxValue))
        {
            return $"the length must be at least {MinLength} and at most {MaxLength}";
        }

        if (Pattern is { } pattern && (pattern.MinLength > (MaxLength ?? int.MaxValue) || (pattern.MaxLength ?? int.MaxValue) < MinLength))
        {
            return "no text of the allowed length matches the pattern";
        }

        if (Allowed is not null && !Allowed.Exists(Admits))
        {
            return "no listed value satisfies the other conditions";
        }

        return null;
    }
}
