using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation.Planning;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Generation.Values;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation;

/// <summary>
/// A table's plan: per-column generators in dependency order, run row by row. Streaming: one array per row is all
/// that is allocated besides the values, except the hash sets of unique constraints kept by redrawing.
/// </summary>
internal sealed class GeneratedTablePlan : TablePlan
{
    // Redraws of one row before a unique constraint kept by redrawing is declared exhausted.
    private const int MaxAttempts = 64;
    private readonly TableSize size;
    private readonly Slot[] slots;
    private readonly Slot[] deferredSlots;
    private readonly int[] keyOutputs;
    private readonly RowGuard[] guards;
    private readonly SourceLocation location;

    /// <summary>A plan from what the table planner decided.</summary>
    public GeneratedTablePlan(
        TableSchema table,
        IReadOnlyList<ColumnSchema> columns,
        TableSize size,
        Slot[] slots,
        Slot[] deferredSlots,
        IReadOnlyList<ColumnSchema> key,
        RowGuard[] guards,
        SourceLocation location)
    {
        Table = table;
        Columns = columns;
        this.size = size;
        this.slots = slots;
        this.deferredSlots = deferredSlots;
        this.guards = guards;
        this.location = location;
        DeferredColumns = deferredSlots.Select(s => columns[s.Output]).ToList();
        Key = deferredSlots.Length == 0 ? [] : key;
        keyOutputs = Key.Select(k => IndexOf(columns, k)).ToArray();
    }

    /// <inheritdoc />
    public override TableSchema Table { get; }

    /// <inheritdoc />
    public override IReadOnlyList<ColumnSchema> Columns { get; }

    /// <inheritdoc />
    public override IReadOnlyList<ColumnSchema> DeferredColumns { get; }

    /// <inheritdoc />
    public override IReadOnlyList<ColumnSchema> Key { get; }

    /// <inheritdoc />
    public override IReadOnlyList<ComputedColumn> Computed => ComputedColumns;

    /// <inheritdoc />
    public override IReadOnlyList<ColumnChoice> Choices => ColumnChoicesOfPlan;

    /// <summary>What each column gets and why.</summary>
    internal IReadOnlyList<ColumnChoice> ColumnChoicesOfPlan { get; init; } = [];

    /// <summary>The columns an expression override computes.</summary>
    internal IReadOnlyList<ComputedColumn> ComputedColumns { get; init; } = [];

    /// <inheritdoc />
    public override long? PlannedRows => size.PerParentKey is null ? size.Rows : null;

    /// <summary>The number of rows, also for a table sized per parent (known once planned, without generating).</summary>
    internal long RowCount => size.Rows;

    /// <inheritdoc />
    public override IEnumerable<object?[]> Rows() => Generate(withDeferred: false);

    /// <inheritdoc />
    public override IEnumerable<object?[]> DeferredRows()
    {
        if (deferredSlots.Length == 0)
        {
            yield break;
        }

        foreach (var values in Generate(withDeferred: true))
        {
            var any = false;
            foreach (var slot in deferredSlots)
            {
                any |= values[slot.Output] is not null;
            }

            if (!any)
            {
                continue;
            }

            var update = new object?[keyOutputs.Length + deferredSlots.Length];
            for (var i = 0; i < keyOutputs.Length; i++)
            {
                update[i] = values[keyOutputs[i]];
            }

            for (var i = 0; i < deferredSlots.Length; i++)
            {
                update[keyOutputs.Length + i] = values[deferredSlots[i].Output];
            }

            yield return update;
        }
    }

    private IEnumerable<object?[]> Generate(bool withDeferred)
    {
        var seen = new HashSet<ulong>[guards.Length];
        for (var g = 0; g < guards.Length; g++)
        {
            seen[g] = [];
        }

        var parents = size.Parents;
        var parent = size.PerParentKey is null ? -1L : 0L;
        for (var row = 0L; row < size.Rows; row++)
        {
            var position = row;
            if (parent >= 0)
            {
                while (parent < parents - 1 && size.FirstRowOf(parent + 1) <= row)
                {
                    parent++;
                }

                position = row - size.FirstRowOf(parent);
            }

            var values = new object?[Columns.Count];
            var state = new RowState(row, parent, position, 0, values);
            foreach (var slot in slots)
            {
                values[slot.Output] = slot.Generator.Generate(state);
            }

            for (var g = 0; g < guards.Length; g++)
            {
                Keep(guards[g], seen[g], values, state);
            }

            if (withDeferred)
            {
                foreach (var slot in deferredSlots)
                {
                    values[slot.Output] = slot.Generator.Generate(state);
                }
            }

            yield return values;
        }
    }

    // Redraws the guard's columns (and the ones generated relative to them) until its values are new.
    private void Keep(RowGuard guard, HashSet<ulong> seen, object?[] values, RowState state)
    {
        for (var attempt = 1; !seen.Add(guard.Hash(values)); attempt++)
        {
            if (attempt >= MaxAttempts)
            {
                throw new SeedGenerationException(DiagnosticFactory.Create(
                    DiagnosticCodes.SeedUniqueValuesExhausted, location, state.Row, Table.DisplayName, guard.Name, MaxAttempts, guard.Columns));
            }

            var retry = state.WithAttempt(attempt);
            foreach (var slot in guard.Redraw)
            {
                values[slot.Output] = slot.Generator.Generate(retry);
            }
        }
    }

    private static int IndexOf(IReadOnlyList<ColumnSchema> columns, ColumnSchema column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == column)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Key column '{column.Name}' is not written.");
    }
}

/// <summary>A column's generator and where its value goes in the row.</summary>
/// <param name="Output">The index in <see cref="TablePlan.Columns"/>.</param>
/// <param name="Generator">The generator.</param>
internal readonly record struct Slot(int Output, ValueGenerator Generator);

/// <summary>A unique constraint kept by redrawing: the outputs it covers and the slots to redraw.</summary>
/// <param name="Name">The constraint.</param>
/// <param name="Columns">Its columns, for messages.</param>
/// <param name="Outputs">The outputs of its columns.</param>
/// <param name="Redraw">The slots to generate again on a repeat, in generation order.</param>
internal sealed record RowGuard(string Name, string Columns, int[] Outputs, Slot[] Redraw)
{
    /// <summary>The stable hash of the row's values of the constraint.</summary>
    public ulong Hash(object?[] values)
    {
        var hash = 0UL;
        foreach (var output in Outputs)
        {
            hash = ValueHash.Combine(hash, values[output]);
        }

        return hash;
    }
}
