using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// A value placed relative to another column of the same row (already generated), so a check such as
/// <c>updated_at &gt;= created_at</c> or <c>max_qty &gt; min_qty</c> holds: at or after it by a random distance
/// (at most <c>span</c> units, within the column's own range). When the other column is NULL the comparison is
/// NULL, which a CHECK accepts, and the value is drawn on its own.
/// </summary>
internal sealed class RelativeGenerator(
    int anchor,
    string anchorColumn,
    ComparisonOperator op,
    OrdinalScale scale,
    OrdinalRange range,
    long span,
    ulong seed,
    ValueGenerator alone) : ValueGenerator
{
    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var other = row.Values![anchor];
        if (other is null || scale.ToUnits(other) is not { } units)
        {
            return alone.Generate(row);
        }

        var random = new CellRandom(seed, row.Row, row.Attempt);
        var (low, high) = (range.Lo, range.Hi);
        switch (op)
        {
            case ComparisonOperator.GreaterOrEqual:
                low = Math.Max(low, OrdinalRange.Ceiling(units));
                high = Math.Min(high, OrdinalRange.SaturatingAdd(low, span));
                break;
            case ComparisonOperator.Greater:
                low = Math.Max(low, OrdinalRange.Floor(units) + 1);
                high = Math.Min(high, OrdinalRange.SaturatingAdd(low, span));
                break;
            case ComparisonOperator.LessOrEqual:
                high = Math.Min(high, OrdinalRange.Floor(units));
                low = Math.Max(low, OrdinalRange.SaturatingAdd(high, -span));
                break;
            case ComparisonOperator.Less:
                high = Math.Min(high, OrdinalRange.Ceiling(units) - 1);
                low = Math.Max(low, OrdinalRange.SaturatingAdd(high, -span));
                break;
            case ComparisonOperator.Equal:
                return decimal.IsInteger(units) ? scale.FromUnits((long)units) : alone.Generate(row);
            default:
                var value = OrdinalGenerator.Draw(ref random, range, favorLow: false);
                return scale.FromUnits(value == OrdinalRange.Floor(units) && decimal.IsInteger(units) ? (value == range.Hi ? range.Lo : value + 1) : value);
        }

        // The planner keeps the other column's range inside this one's, so the interval is never empty; clamp anyway.
        return scale.FromUnits(high < low ? low : OrdinalGenerator.Draw(ref random, new OrdinalRange(low, high), favorLow: true));
    }

    /// <inheritdoc />
    public override string? NotAddressableReason => $"it is generated relative to '{anchorColumn}'";
}
