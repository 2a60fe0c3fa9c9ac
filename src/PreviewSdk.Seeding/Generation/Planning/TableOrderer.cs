using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// Orders the tables parents first, so every foreign key written by COPY finds its parent row loaded. Tables that
/// reference each other (strongly connected) are ordered by their NOT NULL foreign keys; the nullable ones that
/// point forward (and self-references) are deferred: written NULL and set by the second pass. A cycle of NOT NULL
/// foreign keys has no order and is PREVIEW4021. Ties go by the schema's table order, so the order is stable.
/// </summary>
internal static class TableOrderer
{
    /// <summary>The tables in insertion order and the deferred foreign keys.</summary>
    /// <param name="tables">The tables to fill, in schema order.</param>
    /// <param name="isHard">Whether a foreign key must be written with the row (NOT NULL, or the one a table is sized per).</param>
    /// <param name="diagnostics">Where cycles are reported.</param>
    /// <param name="locate">Where to report a table's problem.</param>
    public static (List<TableSchema> Order, HashSet<(string Table, string Key)> Deferred) Order(
        IReadOnlyList<TableSchema> tables,
        Func<TableSchema, ForeignKey, bool> isHard,
        DiagnosticBag diagnostics,
        Func<TableSchema, SourceLocation> locate)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tables.Count; i++)
        {
            index[tables[i].DisplayName] = i;
        }

        var edges = new List<ForeignKeyEdge>();
        foreach (var table in tables)
        {
            foreach (var fk in table.ForeignKeys)
            {
                if (index.TryGetValue(fk.ReferencedDisplayName, out var parent))
                {
                    edges.Add(new ForeignKeyEdge(index[table.DisplayName], parent, fk));
                }
            }
        }

        var deferred = new HashSet<ForeignKeyEdge>();
        foreach (var edge in edges.Where(e => e.Child == e.Parent))
        {
            if (isHard(tables[edge.Child], edge.Key))
            {
                diagnostics.Error(DiagnosticCodes.SeedForeignKeyCycle, locate(tables[edge.Child]), $"'{tables[edge.Child].DisplayName}' (itself)", $"{tables[edge.Child].DisplayName}.{edge.Key.Name}");
            }

            deferred.Add(edge);
        }

        var components = StronglyConnected(tables.Count, edges.Where(e => e.Child != e.Parent).ToList());
        var order = new List<TableSchema>();
        foreach (var component in components)
        {
            var inside = edges.Where(e => e.Child != e.Parent && component.Contains(e.Child) && component.Contains(e.Parent)).ToList();
            var hard = inside.Where(e => isHard(tables[e.Child], e.Key)).ToList();
            var ordered = TopologicalOrder(component.Order().ToList(), hard, out var stuck);
            if (stuck.Count > 0)
            {
                var names = string.Join(", ", stuck.Select(t => $"'{tables[t].DisplayName}'"));
                var keys = string.Join(", ", hard.Where(e => stuck.Contains(e.Child) && stuck.Contains(e.Parent)).Select(e => $"{tables[e.Child].DisplayName}.{e.Key.Name}"));
                diagnostics.Error(DiagnosticCodes.SeedForeignKeyCycle, locate(tables[stuck.Min()]), names, keys);
                ordered.AddRange(stuck.Order());
            }

            var position = ordered.Select((table, i) => (table, i)).ToDictionary(x => x.table, x => x.i);
            foreach (var edge in inside.Where(e => !isHard(tables[e.Child], e.Key) && position[e.Parent] >= position[e.Child]))
            {
                deferred.Add(edge);
            }

            order.AddRange(ordered.Select(i => tables[i]));
        }

        return (order, deferred.Select(e => (tables[e.Child].DisplayName, e.Key.Name)).ToHashSet());
    }

    // Kahn's algorithm over the given edges (child after parent), smallest index first; what never frees up is 'stuck'.
    private static List<int> TopologicalOrder(List<int> nodes, List<ForeignKeyEdge> edges, out HashSet<int> stuck)
    {
        var waiting = nodes.ToDictionary(n => n, n => edges.Where(e => e.Child == n).Select(e => e.Parent).Distinct().Count());
        var result = new List<int>();
        var ready = new SortedSet<int>(nodes.Where(n => waiting[n] == 0));
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            result.Add(next);
            foreach (var child in edges.Where(e => e.Parent == next).Select(e => e.Child).Distinct())
            {
                if (--waiting[child] == 0)
                {
                    ready.Add(child);
                }
            }
        }

        stuck = [.. nodes.Where(n => !result.Contains(n))];
        return result;
    }

    // The strongly connected components in an order where each comes after the components it references
    // (Tarjan's algorithm emits them in exactly that order); ties broken by the smallest table index.
    private static List<SortedSet<int>> StronglyConnected(int count, List<ForeignKeyEdge> edges)
    {
        var raw = new List<SortedSet<int>>();
        var indexOf = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(indexOf, -1);
        var stack = new Stack<int>();
        var counter = 0;

        void Visit(int node)
        {
            indexOf[node] = low[node] = counter++;
            stack.Push(node);
            onStack[node] = true;
            foreach (var parent in edges.Where(e => e.Child == node).Select(e => e.Parent).Distinct().Order())
            {
                if (indexOf[parent] < 0)
                {
                    Visit(parent);
                    low[node] = Math.Min(low[node], low[parent]);
                }
                else if (onStack[parent])
                {
                    low[node] = Math.Min(low[node], indexOf[parent]);
                }
            }

            if (low[node] == indexOf[node])
            {
                var component = new SortedSet<int>();
                int member;
                do
                {
                    member = stack.Pop();
                    onStack[member] = false;
                    component.Add(member);
                }
                while (member != node);
                raw.Add(component);
            }
        }

        for (var node = 0; node < count; node++)
        {
            if (indexOf[node] < 0)
            {
                Visit(node);
            }
        }

        // Re-emit parents first, choosing among the components whose parents are all placed the one with the lowest table.
        var componentOf = new int[count];
        for (var c = 0; c < raw.Count; c++)
        {
            foreach (var member in raw[c])
            {
                componentOf[member] = c;
            }
        }

        var dependencies = raw.Select((_, c) => edges.Where(e => componentOf[e.Child] == c && componentOf[e.Parent] != c).Select(e => componentOf[e.Parent]).ToHashSet()).ToList();
        var placed = new HashSet<int>();
        var result = new List<SortedSet<int>>();
        while (result.Count < raw.Count)
        {
            var next = Enumerable.Range(0, raw.Count)
                .Where(c => !placed.Contains(c) && dependencies[c].IsSubsetOf(placed))
                .MinBy(c => raw[c].Min);
            placed.Add(next);
            result.Add(raw[next]);
        }

        return result;
    }
}

/// <summary>A foreign key between two tables (by their index in the schema order).</summary>
/// <param name="Child">The referencing table.</param>
/// <param name="Parent">The referenced table.</param>
/// <param name="Key">The foreign key.</param>
internal sealed record ForeignKeyEdge(int Child, int Parent, ForeignKey Key);
