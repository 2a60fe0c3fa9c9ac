using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// Writes the deferred values of a table that only references itself straight into its first COPY, merged into
/// the rows by key, instead of a second pass.
/// </summary>
/// <remarks>
/// A foreign key that is not deferrable is still checked at the end of the statement, not row by row (its checks
/// are queued AFTER triggers), so one COPY may hold a row whose parent comes later in the same COPY. That makes the
/// second pass needless for self-references, and it is the slow part: updating 200,000 rows rewrites every one of
/// them (about 1.2 s), while the fold costs next to nothing. A cycle through another table still needs the second
/// pass, because that table is not loaded yet. The merge relies on <see cref="TablePlan.DeferredRows"/>
/// following the order of <see cref="TablePlan.Rows"/>; when it does not (<see cref="Complete"/> false
/// afterwards) the caller undoes the COPY and takes the second pass after all.
/// </remarks>
internal sealed class SelfReferenceFold
{
    private readonly TablePlan plan;
    private readonly int[] keyIndexes;
    private readonly int[] deferredIndexes;

    private SelfReferenceFold(TablePlan plan, IReadOnlyList<ColumnSchema> columns, int[] keyIndexes, int[] deferredIndexes)
    {
        this.plan = plan;
        Columns = columns;
        this.keyIndexes = keyIndexes;
        this.deferredIndexes = deferredIndexes;
    }

    /// <summary>The columns the COPY writes: the plan's columns, then any deferred column the plan left out of them.</summary>
    public IReadOnlyList<ColumnSchema> Columns { get; }

    /// <summary>The rows whose deferred values were merged.</summary>
    public long Merged { get; private set; }

    /// <summary>After <see cref="Rows"/> ran to its end: true when every deferred row found its row.</summary>
    public bool Complete { get; private set; }

    /// <summary>A fold for <paramref name="plan"/>, or null when its deferred columns reference another table (or it has none).</summary>
    public static SelfReferenceFold? TryCreate(TablePlan plan)
    {
        var table = plan.Table;
        if (plan.DeferredColumns.Count == 0 || plan.Key.Count == 0)
        {
            return null;
        }

        // Only on evidence: every deferred column belongs to a foreign key to this very table, and to none to another.
        var deferring = table.ForeignKeys
            .Where(key => key.Columns.Any(column => plan.DeferredColumns.Any(deferred => deferred.Name == column)))
            .ToList();
        var onlySelf = deferring.All(key => key.ReferencedSchema == table.Schema && key.ReferencedTable == table.Name);
        var covered = plan.DeferredColumns.All(column => deferring.Any(key => key.Columns.Contains(column.Name)));
        var keyIndexes = plan.Key.Select(key => IndexOf(plan.Columns, key.Name)).ToArray();
        if (!onlySelf || !covered || keyIndexes.Any(index => index < 0))
        {
            return null;
        }

        var columns = plan.Columns.Concat(plan.DeferredColumns.Where(column => IndexOf(plan.Columns, column.Name) < 0)).ToList();
        var deferredIndexes = plan.DeferredColumns.Select(column => IndexOf(columns, column.Name)).ToArray();
        return new SelfReferenceFold(plan, columns, keyIndexes, deferredIndexes);
    }

    /// <summary>The plan's rows with the deferred values filled in. Yields one reused array: consume each row before the next.</summary>
    public IEnumerable<object?[]> Rows()
    {
        var width = plan.Columns.Count;
        var keys = keyIndexes.Length;
        var buffer = new object?[Columns.Count];
        using var deferred = plan.DeferredRows().GetEnumerator();
        var pending = Next(deferred);
        foreach (var row in plan.Rows())
        {
            if (row.Length != width)
            {
                throw new InvalidOperationException(
                    $"A row for {plan.Table.DisplayName} has {row.Length} values for {width} columns: a bug in the seed plan.");
            }

            Array.Copy(row, buffer, width);
            Array.Clear(buffer, width, buffer.Length - width);
            if (pending is not null && KeyMatches(row, pending))
            {
                for (var j = 0; j < deferredIndexes.Length; j++)
                {
                    buffer[deferredIndexes[j]] = pending[keys + j];
                }

                Merged++;
                pending = Next(deferred);
            }

            yield return buffer;
        }

        Complete = pending is null;
    }

    private object?[]? Next(IEnumerator<object?[]> deferred)
    {
        if (!deferred.MoveNext())
        {
            return null;
        }

        // A deferred row of the wrong width can never match: leave it pending so the fold reports itself incomplete.
        var row = deferred.Current;
        return row.Length == keyIndexes.Length + deferredIndexes.Length ? row : [];
    }

    private bool KeyMatches(object?[] row, object?[] pending)
    {
        if (pending.Length == 0)
        {
            return false;
        }

        for (var k = 0; k < keyIndexes.Length; k++)
        {
            if (!Equals(row[keyIndexes[k]], pending[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(IReadOnlyList<ColumnSchema> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
