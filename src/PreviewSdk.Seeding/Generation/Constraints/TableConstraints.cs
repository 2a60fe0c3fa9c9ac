using PreviewSdk.Seeding.Checks;

namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>The constraints of every column of a table, and the comparisons between its columns.</summary>
/// <param name="Columns">Per column name.</param>
/// <param name="Relations">Column-to-column comparisons (<c>created_at &lt;= updated_at</c>) rows must satisfy.</param>
internal sealed record TableConstraints(
    IReadOnlyDictionary<string, ColumnConstraints> Columns,
    IReadOnlyList<ColumnRelation> Relations);

/// <summary><c>left &lt;op&gt; right</c> between two columns of a row.</summary>
/// <param name="Left">The left column.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Right">The right column.</param>
/// <param name="Source">The constraint it comes from, for messages.</param>
internal sealed record ColumnRelation(string Left, ComparisonOperator Operator, string Right, string Source);
