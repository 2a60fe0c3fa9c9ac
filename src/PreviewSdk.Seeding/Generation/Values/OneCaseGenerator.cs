using PreviewSdk.Seeding.Generation.Constraints;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Another generator's text in one case (<c>CHECK (name = lower(name))</c>). Distinct text stays distinct: the row
/// number that makes it so is digits, or base-36 letters that all change case alike.
/// </summary>
internal sealed class OneCaseGenerator(ValueGenerator inner, bool upper) : ValueGenerator
{
    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var value = inner.Generate(row);
        return value is string text ? TextCase.Apply(text, upper) : value;
    }

    /// <inheritdoc />
    public override string? NotAddressableReason => inner.NotAddressableReason;
}
