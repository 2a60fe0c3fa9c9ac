using System.Globalization;
using System.Text.RegularExpressions;
using PreviewSdk.Seeding.Checks;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>
/// Evaluates CHECK rules against a generated row the way PostgreSQL would (NULL comparisons pass), written
/// independently of the seeder so the tests do not trust the code they test.
/// </summary>
internal static class RuleCheck
{
    public static bool Holds(CheckRule rule, IReadOnlyDictionary<string, object?> row) => rule switch
    {
        AnyOf any => any.Branches.Any(branch => branch.All(r => Holds(r, row))),
        IsNull isNull => row[isNull.Column] is null,
        NotNull notNull => row[notNull.Column] is not null,
        CompareColumns compare => row[compare.Left] is null || row[compare.Right] is null || Satisfies(compare.Operator, Order(row[compare.Left]!, row[compare.Right]!)),
        ColumnRule column when row[column.Column] is null => true,
        CompareToConstant compare => Satisfies(compare.Operator, Order(row[compare.Column]!, compare.Value)),
        InList list => list.Values.Any(v => Order(row[list.Column]!, v) == 0),
        LengthCompare length => Satisfies(length.Operator, ((string)row[length.Column]!).Length.CompareTo(length.Length)),
        MatchesPattern pattern => Regex.IsMatch((string)row[pattern.Column]!, pattern.Pattern),
        _ => throw new NotSupportedException(rule.ToString()),
    };

    private static bool Satisfies(ComparisonOperator op, int order) => op switch
    {
        ComparisonOperator.Equal => order == 0,
        ComparisonOperator.NotEqual => order != 0,
        ComparisonOperator.Less => order < 0,
        ComparisonOperator.LessOrEqual => order <= 0,
        ComparisonOperator.Greater => order > 0,
        _ => order >= 0,
    };

    private static int Order(object value, object other) => Math.Sign(Key(value).CompareTo(Key(other)));

    // Numbers as decimals, dates and times as ticks, text as itself; a constant is read as the value's type.
    private static IComparable Key(object value) => value switch
    {
        short or int or long or decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        float f => (decimal)f,
        double d => (decimal)d,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue).Ticks,
        DateTime instant => instant.Ticks,
        TimeOnly time => time.Ticks,
        TimeSpan span => span.Ticks,
        bool flag => flag,
        string text when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        string text when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant) => instant.Ticks,
        string text when bool.TryParse(text, out var flag) => flag,
        _ => value.ToString()!,
    };
}
