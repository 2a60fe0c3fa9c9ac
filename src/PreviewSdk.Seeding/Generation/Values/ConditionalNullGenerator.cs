using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// A column whose nullness follows another column of the same row (<see cref="NullWhen"/>): NULL where the check
/// asks for NULL, a value where it asks for one, and otherwise (when nullable) mostly NULL where the check asks for
/// a value only in the other rows (an unshipped order rarely has a shipping time), else NULL in the usual share.
/// The other column is generated first, so every one of its states still occurs.
/// </summary>
internal sealed class ConditionalNullGenerator(
    ValueGenerator inner, int controllerOutput, Func<object?, bool> meets, NullRequirement whenMet, NullRequirement whenNotMet, bool nullable, ulong seed) : ValueGenerator
{
    // The share of NULLs where the value is only required in the other rows.
    private const double MostlyAbsent = 0.8;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var requirement = meets(row.Values![controllerOutput]) ? whenMet : whenNotMet;
        var isNull = requirement switch
        {
            NullRequirement.Null => true,
            NullRequirement.NotNull => false,
            _ => nullable && new CellRandom(seed, row.Row, row.Attempt).Chance(
                (requirement == whenMet ? whenNotMet : whenMet) == NullRequirement.NotNull ? MostlyAbsent : NullableGenerator.DefaultShare),
        };
        return isNull ? null : inner.Generate(row);
    }

    /// <inheritdoc />
    public override string? NotAddressableReason => "its nullness follows another column of the row";
}
