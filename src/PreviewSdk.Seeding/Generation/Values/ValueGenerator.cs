namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Produces one column's value for a row, as the CLR type binary COPY writes for the column's type (null for NULL).
/// Built once per column when planning; <see cref="Generate"/> is the hot path and allocates nothing but the value.
/// </summary>
internal abstract class ValueGenerator
{
    /// <summary>The value at <paramref name="row"/>; the same row always gives the same value.</summary>
    public abstract object? Generate(in RowState row);

    /// <summary>
    /// Null when the value is a function of the row's index alone (so a child can compute this column's value of
    /// any parent row); else why not (it depends on other columns or on the rows before it).
    /// </summary>
    public virtual string? NotAddressableReason => null;
}
