using PreviewSdk.Seeding.Checks;

namespace PreviewSdk.Seeding.Schema;

/// <summary>
/// The rows a partitioned table accepts: those that land in one of its partitions. Without a DEFAULT partition, a
/// row outside every bound is refused ("no partition of relation found for row"), so the bounds are read as one
/// more CHECK of the table, an OR of each leaf partition's bound; the seeder picks one partition's branch. Bounds
/// it cannot read (hash partitions) are left out, and a table with none it can read gets no such check.
/// </summary>
internal static class PartitionBound
{
    /// <summary>The check for <paramref name="table"/>, or null when it needs none.</summary>
    public static CheckConstraint? Of(TableSchema table, IEnumerable<CatalogPartition> partitions)
    {
        var leaves = partitions.ToList();
        if (leaves.Count == 0 || leaves.Exists(leaf => leaf.IsDefault))
        {
            return null;
        }

        var branches = new List<IReadOnlyList<CheckRule>>();
        var texts = new List<string>();
        foreach (var leaf in leaves)
        {
            if (leaf.Bound is { } bound && CheckExpressionParser.Parse(bound) is { Count: > 0 } rules)
            {
                branches.Add(rules);
                texts.Add(bound);
            }
        }

        if (branches.Count == 0)
        {
            return null;
        }

        var columns = branches.SelectMany(branch => branch).OfType<ColumnRule>().Select(rule => rule.Column).Distinct().ToList();
        IReadOnlyList<CheckRule> all = branches.Count == 1 ? branches[0] : [new AnyOf(branches)];
        return new CheckConstraint($"partitions of {table.DisplayName}", $"CHECK ({string.Join(" OR ", texts)})", columns, all);
    }
}
