namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>The same value in every row (NULL for null).</summary>
internal sealed class ConstantGenerator(object? value) : ValueGenerator
{
    /// <summary>A generator of NULL.</summary>
    public static readonly ConstantGenerator Null = new(null);

    /// <inheritdoc />
    public override object? Generate(in RowState row) => value;
}
