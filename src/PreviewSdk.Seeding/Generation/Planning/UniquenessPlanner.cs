using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Generation.Values;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// Decides how each primary key and unique constraint of a table is kept, by construction wherever possible:
/// one column distinct by the row index (a sequence, text with the row number, a uuid), the position among a
/// parent's children, distinct combinations of parents and short lists (<see cref="TupleEnumeration"/>), a distinct
/// parent per row; and only when nothing else works, redrawing rows whose values were seen (a set of hashes).
/// A constraint with fewer possible values than rows is PREVIEW4020, before anything is inserted.
/// </summary>
internal sealed class UniquenessPlanner
{
    private readonly TableSchema table;
    private readonly Dictionary<string, ColumnBlueprint> columns;
    private readonly Dictionary<string, ForeignKeyPlan> keys;
    private readonly TableSize size;
    private readonly Func<ForeignKey, long> parentRows;
    private readonly ulong seed;
    private readonly DiagnosticBag diagnostics;
    private readonly SourceLocation location;
    private readonly Func<long, string, bool> limitRows;

    /// <summary>A planner for one table.</summary>
    public UniquenessPlanner(
        TableSchema table,
        IReadOnlyList<ColumnBlueprint> columns,
        Dictionary<string, ForeignKeyPlan> keys,
        TableSize size,
        Func<ForeignKey, long> parentRows,
        ulong seed,
        DiagnosticBag diagnostics,
        SourceLocation location,
        Func<long, string, bool>? limitRows = null)
    {
        this.limitRows = limitRows ?? ((_, _) => false);
        this.table = table;
        this.columns = columns.ToDictionary(c => c.Column.Name, StringComparer.Ordinal);
        this.keys = keys;
        this.size = size;
        this.parentRows = parentRows;
        this.seed = seed;
        this.diagnostics = diagnostics;
        this.location = location;
    }

    /// <summary>The constraints that are kept by redrawing rows, with their columns.</summary>
    public List<(KeyConstraint Key, List<ColumnBlueprint> Columns)> Guarded { get; } = [];

    /// <summary>Plans the primary key first, then the unique constraints in order.</summary>
    public void Plan()
    {
        var all = new List<KeyConstraint>();
        if (table.PrimaryKey is { } primary)
        {
            all.Add(primary);
            if (primary.Columns.Count == 1 && columns.TryGetValue(primary.Columns[0], out var single))
            {
                single.PrimaryKey = true;
            }
        }

        all.AddRange(table.Uniques);
        var planned = new List<(KeyConstraint Key, List<ColumnBlueprint> Columns)>();
        foreach (var key in all)
        {
            var members = key.Columns.Select(name => columns.GetValueOrDefault(name)).ToList();
            if (members.Any(m => m is null))
            {
                // A generated column: its values are not the seeder's to keep distinct.
                continue;
            }

            // A column overridden to NULL keeps the constraint by itself: PostgreSQL never finds NULLs equal.
            if (members.Any(m => m!.Override is Settings.ConstantOverride { Value: null }))
            {
                continue;
            }

            // A deferred column (a self-reference, a cycle's key) is only filled after the first pass, with any
            // parent: the rest of the key must then be distinct on its own, or two rows that get the same parent
            // collide (categories (parent_id, name)).
            var kept = members.Where(m => !m!.Deferred).Select(m => m!).ToList();
            if (kept.Count == 0)
            {
                // Only late-filled columns: two rows given the same parent would collide in the second pass, a
                // database error the plan must not leave for the load.
                diagnostics.Error(
                    DiagnosticCodes.SeedUniqueOnLateForeignKey, location, table.DisplayName, key.Name,
                    string.Join(", ", key.Columns), $"{table.DisplayName}.{key.Columns[0]}");
                continue;
            }

            foreach (var member in kept)
            {
                member.InKey = true;
            }

            planned.Add((key, kept));
        }

        // One-column constraints first: they decide the most, and a composite one containing them is then kept already.
        foreach (var (key, members) in planned.OrderBy(p => p.Columns.Count))
        {
            Plan(key, members);
        }
    }

    private void Plan(KeyConstraint key, List<ColumnBlueprint> members)
    {
        if (members.Any(m => m.Role is UniqueRole.Injective or UniqueRole.Position)
            || members.Any(m => ForeignKeyOf(m) is { } fk && keys[fk.Name].Mode == PickMode.Permuted))
        {
            return;
        }

        var groups = members.Select(ForeignKeyOf).OfType<ForeignKey>().DistinctBy(fk => fk.Name).ToList();
        var plain = members.Where(m => ForeignKeyOf(m) is null).ToList();
        var perParent = groups.FirstOrDefault(fk => fk.Name == size.PerParentKey?.Name);
        if (plain.Count == 0 && groups.Count == 1)
        {
            OneForeignKey(key, groups[0], perParent is not null);
            return;
        }

        if (plain.Count == 1 && groups.Count == 0)
        {
            OneColumn(key, plain[0]);
            return;
        }

        // Line numbers: an integer next to the key of the parent the table is sized per counts 1, 2, 3 per parent.
        if (perParent is not null
            && plain.FirstOrDefault(m => m.Role == UniqueRole.None && m.Override is null && m.Finite is null && m.Constraints.Scale is { Family: Constraints.OrdinalFamily.Number, Scale: 0 }) is { } line
            && line.Constraints.Range.Hi - line.Range.Lo + 1 >= size.Sizing!.Max)
        {
            line.Role = UniqueRole.Position;
            return;
        }

        if (plain.FirstOrDefault(m => m.Role == UniqueRole.None && m.Finite is null && m.InjectiveCapacity >= size.Rows) is { } distinct)
        {
            distinct.Role = UniqueRole.Injective;
            return;
        }

        if (!TryEnumerate(key, groups, plain, perParent))
        {
            Guard(key, members);
        }
    }

    private void OneForeignKey(KeyConstraint key, ForeignKey fk, bool perParent)
    {
        if (perParent)
        {
            if (size.Sizing!.Max > 1)
            {
                Unsatisfiable(key, 1, size.Sizing.Max, perParent: true);
            }

            return;
        }

        var parents = parentRows(fk);
        if (parents < size.Rows)
        {
            Unsatisfiable(key, parents, size.Rows);
            return;
        }

        keys[fk.Name] = keys[fk.Name] with { Mode = PickMode.Permuted };
    }

    private void OneColumn(KeyConstraint key, ColumnBlueprint column)
    {
        if (column.Finite is { } finite)
        {
            var distinct = finite.Distinct().Count();
            if (distinct < size.Rows)
            {
                Unsatisfiable(key, distinct, size.Rows);
            }
            else if (column.Role == UniqueRole.None)
            {
                column.Finite = finite.Distinct().ToList();
                column.Role = UniqueRole.Enumerated;
                column.Digit = (new TupleEnumeration(distinct, StableHash.Derive(seed, key.Name), perParent: false), 1);
            }

            return;
        }

        if (column.InjectiveCapacity is not { } capacity)
        {
            column.Role = UniqueRole.Guarded;
            Guard(key, [column]);
        }
        else if (capacity < size.Rows)
        {
            Unsatisfiable(key, capacity, size.Rows);
        }
        else
        {
            column.Role = UniqueRole.Injective;
        }
    }

    // Distinct combinations of parents and short lists. False when a column is already enumerated by another
    // constraint (then the caller guards); true when planned, guarded here (a column that is neither) or reported.
    private bool TryEnumerate(KeyConstraint key, List<ForeignKey> groups, List<ColumnBlueprint> plain, ForeignKey? perParent)
    {
        if (plain.Any(m => m.Finite is null))
        {
            Guard(key, plain.Concat(groups.SelectMany(fk => fk.Columns.Select(c => columns[c]))).ToList());
            return true;
        }

        var free = groups.Where(fk => fk.Name != perParent?.Name).ToList();
        if (plain.Any(m => m.Role != UniqueRole.None) || free.Any(fk => keys[fk.Name].Mode != PickMode.Random))
        {
            return false;
        }

        var radices = free.Select(parentRows).Concat(plain.Select(m => (long)m.Finite!.Distinct().Count())).ToList();
        var capacity = 1L;
        foreach (var radix in radices)
        {
            capacity = radix == 0 ? 0 : capacity > long.MaxValue / radix ? long.MaxValue : capacity * radix;
        }

        var needed = perParent is not null ? size.Sizing!.Max : size.Rows;
        if (capacity < needed)
        {
            Unsatisfiable(key, capacity, needed, perParent is not null);
            return true;
        }

        var enumeration = new TupleEnumeration(capacity, StableHash.Derive(seed, key.Name), perParent is not null);
        var divisor = 1L;
        foreach (var fk in free)
        {
            keys[fk.Name] = keys[fk.Name] with { Mode = PickMode.Tuple, Enumeration = enumeration, Divisor = divisor };
            divisor = SaturatingTimes(divisor, parentRows(fk));
        }

        foreach (var member in plain)
        {
            member.Finite = member.Finite!.Distinct().ToList();
            member.Role = UniqueRole.Enumerated;
            member.Digit = (enumeration, divisor);
            divisor = SaturatingTimes(divisor, member.Finite.Count);
        }

        return true;
    }

    private void Guard(KeyConstraint key, List<ColumnBlueprint> members)
    {
        foreach (var member in members.Where(m => m.Role == UniqueRole.None && ForeignKeyOf(m) is null))
        {
            member.Role = UniqueRole.Guarded;
        }

        Guarded.Add((key, members));
    }

    private void Unsatisfiable(KeyConstraint key, long capacity, long rows, bool perParent = false)
    {
        // A default row count the key cannot hold is lowered to what it can (planning runs again); the error
        // below is then dropped with this pass.
        _ = !perParent && limitRows(capacity, $"{key.Name} ({string.Join(", ", key.Columns)})");
        var what = key.Columns.Count == 1 ? $"{table.DisplayName}.{key.Columns[0]}" : $"{table.DisplayName} ({string.Join(", ", key.Columns)})";
        var needed = perParent
            ? $"up to {rows} rows per row of '{size.Sizing!.Parent}'"
            : $"the {rows} rows of '{table.DisplayName}'";
        diagnostics.Error(DiagnosticCodes.SeedUniqueUnsatisfiable, location, what, key.Name, capacity, needed, table.DisplayName);
    }

    private static ForeignKey? ForeignKeyOf(ColumnBlueprint column) => column.Override is null ? column.ForeignKey : null;

    private static long SaturatingTimes(long a, long b) => b != 0 && a > long.MaxValue / b ? long.MaxValue : a * b;
}

/// <summary>How one foreign key picks its parent rows.</summary>
/// <param name="Mode">The pick mode.</param>
/// <param name="Enumeration">The shared enumeration in <see cref="PickMode.Tuple"/> mode.</param>
/// <param name="Divisor">The key's digit divisor in that enumeration.</param>
internal sealed record ForeignKeyPlan(PickMode Mode, TupleEnumeration? Enumeration = null, long Divisor = 1);
