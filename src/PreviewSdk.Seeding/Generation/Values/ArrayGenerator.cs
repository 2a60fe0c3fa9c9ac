using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>A typed CLR array (string[], int[]…) of one to four elements, each from the element type's generator.</summary>
internal sealed class ArrayGenerator(ValueGenerator element, Type elementType, ulong seed) : ValueGenerator
{
    private const int MaxElements = 4;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        var count = (int)random.Between(1, MaxElements);
        var array = Array.CreateInstance(elementType, count);
        for (var i = 0; i < count; i++)
        {
            // Each element is a cell of its own: row * 4 + i never meets another row's elements.
            var cell = new RowState((row.Row * MaxElements) + i, row.Parent, row.Position, row.Attempt, null);
            array.SetValue(element.Generate(cell), i);
        }

        return array;
    }
}
