using System.Text.RegularExpressions;
using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>
/// Decides whether one value satisfies a CHECK rule about its column, the way PostgreSQL would: used to reject an
/// override value before loading rather than have COPY fail on it. Rules about other columns pass (they are
/// checked where those columns are), and so do column-to-column comparisons.
/// </summary>
internal static class RuleEvaluator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>True when <paramref name="value"/> (null for NULL) satisfies <paramref name="rule"/> as a value of <paramref name="column"/>.</summary>
    public static bool Satisfies(CheckRule rule, string column, PgType type, object? value) => rule switch
    {
        AnyOf any => any.Branches.Any(branch => branch.All(inner => Satisfies(inner, column, type, value))),
        ColumnRule other when !string.Equals(other.Column, column, StringComparison.Ordinal) => true,
        IsNull => value is null,
        NotNull => value is not null,
        // A comparison with NULL is NULL, which a CHECK lets through.
        _ when value is null => true,
        CompareToConstant compare => Compare(value, compare.Value, type) is { } order && Holds(compare.Operator, order),
        InList list => list.Values.Any(item => Compare(value, item, type) == 0),
        LengthCompare length => value is string text && Holds(length.Operator, text.Length.CompareTo(length.Length)),
        MatchesPattern pattern => value is string text && Matches(text, pattern.Pattern),
        InOneCase oneCase => value is string text && string.Equals(text, TextCase.Apply(text, oneCase.Upper), StringComparison.Ordinal),
        _ => true,
    };

    /// <summary>Whether <paramref name="text"/> matches a CHECK's regular expression (.NET's engine, close to POSIX for what CHECKs use).</summary>
    public static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>True when a comparison whose result has sign <paramref name="order"/> satisfies <paramref name="op"/>.</summary>
    public static bool Holds(ComparisonOperator op, int order) => op switch
    {
        ComparisonOperator.Equal => order == 0,
        ComparisonOperator.NotEqual => order != 0,
        ComparisonOperator.Less => order < 0,
        ComparisonOperator.LessOrEqual => order <= 0,
        ComparisonOperator.Greater => order > 0,
        _ => order >= 0,
    };

    // The sign of value - constant, or null when they cannot be compared.
    private static int? Compare(object value, string constant, PgType type)
    {
        var valueType = type.ValueType;
        if (OrdinalScale.For(valueType) is { } scale)
        {
            return scale.ToUnits(value) is { } units && scale.TryParse(constant, out _, out var bound) ? units.CompareTo(bound) : null;
        }

        return value switch
        {
            bool flag => ValueConverter.TryConvert(constant, valueType, out _) is bool other ? flag.CompareTo(other) : null,
            string text when valueType.Kind == PgTypeKind.Enum => EnumOrder(valueType, text, constant),
            string text => string.CompareOrdinal(text, constant) switch { < 0 => -1, 0 => 0, _ => 1 },
            Guid guid => Guid.TryParse(constant, out var other) ? guid.CompareTo(other) : null,
            _ => Equals(value, ValueConverter.TryConvert(constant, valueType, out _)) ? 0 : 1,
        };
    }

    // Enum labels compare by declaration order, as PostgreSQL does.
    private static int? EnumOrder(PgType type, string label, string constant)
    {
        var left = IndexOf(type.EnumLabels, label);
        var right = IndexOf(type.EnumLabels, constant);
        return left < 0 || right < 0 ? null : left.CompareTo(right);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
