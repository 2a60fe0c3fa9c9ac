namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>A value of a short list, taken from a <see cref="TupleEnumeration"/>'s digit: distinct across rows by construction.</summary>
internal sealed class EnumeratedChoiceGenerator(IReadOnlyList<object?> values, TupleEnumeration enumeration, long divisor) : ValueGenerator
{
    private readonly object?[] values = [.. values];

    /// <inheritdoc />
    public override object? Generate(in RowState row) =>
        values[TupleEnumeration.Digit(enumeration.IndexFor(row), divisor, values.Length)];
}
