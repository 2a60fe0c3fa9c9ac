using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Inference;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// Satisfies comparisons between two columns of a row (<c>CHECK (created_at &lt;= updated_at)</c>, and the implied
/// ones: an updated or shipped time after the creation time, an end after a start) by generating one column
/// relative to the other. The other column's range is trimmed so the relative one always has room.
/// </summary>
internal static class RelationPlanner
{
    /// <summary>Anchors columns to others for every comparison; problems at <paramref name="location"/>.</summary>
    public static void Plan(IReadOnlyList<ColumnBlueprint> columns, TableConstraints constraints, string table, DiagnosticBag diagnostics, SourceLocation location)
    {
        var byName = columns.ToDictionary(c => c.Column.Name, StringComparer.Ordinal);
        foreach (var relation in constraints.Relations)
        {
            if (Apply(relation, byName) is { } problem)
            {
                diagnostics.Error(DiagnosticCodes.SeedCheckUnsatisfiable, location, $"{table}.{relation.Left}", relation.Source, problem);
            }
        }

        foreach (var relation in Implied(columns))
        {
            Apply(relation, byName);
        }
    }

    // Returns why the relation cannot be satisfied, or null (also when it is none of the seeder's business).
    private static string? Apply(ColumnRelation relation, Dictionary<string, ColumnBlueprint> byName)
    {
        if (!byName.TryGetValue(relation.Left, out var left) || !byName.TryGetValue(relation.Right, out var right)
            || IsForeignKey(left) || IsForeignKey(right) || (left.Override is not null && right.Override is not null))
        {
            // Foreign key values come from the parents, overridden ones from the user: neither is placed relative to the other.
            return null;
        }

        if (left.Constraints.Scale is not { } leftScale || right.Constraints.Scale is not { } rightScale || leftScale.Family != rightScale.Family)
        {
            return "it compares columns that the seeder does not generate in order";
        }

        var leftFree = IsFree(left);
        var rightFree = IsFree(right);
        if (!leftFree && !rightFree)
        {
            return "both columns are already fixed (unique, listed or compared with a third column)";
        }

        var (dependent, anchor) = leftFree && (!rightFree || left.Ordinal > right.Ordinal) ? (left, right) : (right, left);
        for (var link = anchor; link is not null; link = link.Anchor is { } next ? byName[next.Right] : null)
        {
            if (link == dependent)
            {
                return "the comparisons between its columns form a loop";
            }
        }

        var op = dependent == left ? relation.Operator : Flip(relation.Operator);
        if (anchor.Override is not null)
        {
            // The user's values are what they are: the dependent gets all the room its constraints give.
            dependent.Range = dependent.Constraints.Range;
        }
        else if (!TrimAnchor(dependent, anchor, op, dependent.Range) && !TrimAnchor(dependent, anchor, op, dependent.Constraints.Range))
        {
            return "the two columns' ranges do not allow it";
        }

        dependent.Anchor = new ColumnRelation(dependent.Column.Name, op, anchor.Column.Name, relation.Source);
        return null;
    }

    // Keeps the anchor where the dependent can still be on the right side of it; false when nothing is left.
    private static bool TrimAnchor(ColumnBlueprint dependent, ColumnBlueprint anchor, ComparisonOperator op, OrdinalRange dependentRange)
    {
        var from = dependent.Constraints.Scale!.UnitSize;
        var to = anchor.Constraints.Scale!.UnitSize;
        var high = dependentRange.Hi * from / to;
        var low = dependentRange.Lo * from / to;
        var bound = op switch
        {
            ComparisonOperator.GreaterOrEqual => new OrdinalRange(long.MinValue, OrdinalRange.Floor(high)),
            ComparisonOperator.Greater => new OrdinalRange(long.MinValue, OrdinalRange.Ceiling(high) - 1),
            ComparisonOperator.LessOrEqual => new OrdinalRange(OrdinalRange.Ceiling(low), long.MaxValue),
            ComparisonOperator.Less => new OrdinalRange(OrdinalRange.Floor(low) + 1, long.MaxValue),
            ComparisonOperator.Equal => new OrdinalRange(OrdinalRange.Ceiling(low), OrdinalRange.Floor(high)),
            _ => new OrdinalRange(long.MinValue, long.MaxValue),
        };
        var trimmed = anchor.Range.Intersect(bound);
        if (trimmed.IsEmpty)
        {
            trimmed = anchor.Constraints.Range.Intersect(bound);
        }

        if (trimmed.IsEmpty)
        {
            return false;
        }

        anchor.Range = trimmed;
        dependent.Range = dependentRange;
        return true;
    }

    // Words that say which of two moments comes first, with the largest plausible gap in days (0: no limit but the
    // natural range's). rental_date/return_date, valid_from/valid_to, opened_at/closed_at, hire_date/termination_date.
    private static readonly (string[] Before, string[] After, int Days)[] OrderedWords =
    [
        (["rental", "rented", "borrowed", "checkout", "loaned"], ["return", "returned", "checkin", "due"], 21),
        (["checkin", "arrival", "arrive", "arrived"], ["checkout", "departure", "depart", "departed"], 14),
        (["start", "starts", "started", "begin", "begins", "from", "since"], ["end", "ends", "ended", "finish", "finished", "to", "until", "stop"], 60),
        (["opened", "open", "reported", "raised"], ["closed", "close", "resolved", "solved"], 60),
        (["order", "ordered", "placed", "purchase", "purchased", "invoice"], ["ship", "shipped", "required", "delivered", "delivery", "due", "paid"], 30),
        (["ship", "shipped"], ["delivered", "delivery", "received"], 14),
        (["issued", "issue", "billed"], ["due", "paid", "settled"], 45),
        (["sent"], ["read", "received", "opened", "answered"], 7),
        (["hired", "hire", "joined", "enrolled"], ["left", "terminated", "termination", "resigned", "graduated", "leave"], 0),
        (["created", "inserted", "added", "registered"], ["updated", "modified", "changed", "edited", "deleted", "archived"], 0),
        (["published", "released"], ["updated", "modified", "retired", "withdrawn"], 0),
    ];

    // Words that only say "a moment", ignored when comparing the rest of two names.
    private static readonly string[] MomentWords = ["at", "on", "date", "time", "ts", "dt", "datetime", "timestamp", "utc", "day"];

    private static IEnumerable<ColumnRelation> Implied(IReadOnlyList<ColumnBlueprint> columns)
    {
        foreach (var relation in NamedPairs(columns))
        {
            yield return relation;
        }

        var created = columns.FirstOrDefault(c => c.Kind == SemanticKind.CreatedAt && c.Constraints.Scale?.Family == OrdinalFamily.Instant);
        var starts = columns.FirstOrDefault(c => c.Kind == SemanticKind.StartsAt && c.Constraints.Scale?.Family == OrdinalFamily.Instant);
        foreach (var column in columns)
        {
            if (created is not null && column.Kind == SemanticKind.UpdatedAt && column.Anchor is null)
            {
                yield return new ColumnRelation(column.Column.Name, ComparisonOperator.GreaterOrEqual, created.Column.Name, "the creation time before it");
            }

            if (starts is not null && column.Kind == SemanticKind.EndsAt && column.Anchor is null)
            {
                yield return new ColumnRelation(column.Column.Name, ComparisonOperator.GreaterOrEqual, starts.Column.Name, "the start before it");
            }
        }
    }

    // Pairs of moments whose names differ in one ordered word and agree otherwise.
    private static IEnumerable<ColumnRelation> NamedPairs(IReadOnlyList<ColumnBlueprint> columns)
    {
        var moments = columns.Where(c => c.Constraints.Scale?.Family == OrdinalFamily.Instant).ToList();
        foreach (var later in moments)
        {
            var laterWords = Words(later);
            foreach (var (before, after, days) in OrderedWords)
            {
                var afterWord = laterWords.FirstOrDefault(after.Contains);
                if (afterWord is null)
                {
                    continue;
                }

                var rest = laterWords.Where(word => word != afterWord).ToList();
                var earlier = moments.FirstOrDefault(candidate => candidate != later && Words(candidate) is var words
                    && words.FirstOrDefault(before.Contains) is { } beforeWord
                    && (rest.Count == 0 || words.Where(word => word != beforeWord).SequenceEqual(rest) || words.Count(w => w != beforeWord) == 0));
                if (earlier is not null && later.Anchor is null)
                {
                    if (days > 0)
                    {
                        later.MaxGap = (long)(days * 86400m / later.Constraints.Scale!.UnitSize);
                    }

                    yield return new ColumnRelation(later.Column.Name, ComparisonOperator.GreaterOrEqual, earlier.Column.Name, $"the names '{earlier.Column.Name}' and '{later.Column.Name}'");
                    break;
                }
            }
        }
    }

    private static List<string> Words(ColumnBlueprint column) =>
        NameTokens.Split(column.Column.Name).Where(word => !MomentWords.Contains(word)).ToList();

    private static bool IsFree(ColumnBlueprint column) =>
        column.Override is null && column.Role == UniqueRole.None && column.Anchor is null && !column.Referenced && column.Finite is null && !column.Deferred;

    private static bool IsForeignKey(ColumnBlueprint column) => column.ForeignKey is not null;

    private static ComparisonOperator Flip(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };
}
