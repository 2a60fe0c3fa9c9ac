using PreviewSdk.Seeding.Generation.Constraints;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>The row's position among its parent's children plus a start (line numbers 1, 2, 3 of each order).</summary>
internal sealed class PositionGenerator(OrdinalScale scale, long start) : ValueGenerator
{
    /// <inheritdoc />
    public override object? Generate(in RowState row) => scale.FromUnits(start + row.Position);
}
