namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>Redraws (with a new attempt number) the rare value a <c>column &lt;&gt; constant</c> check rules out.</summary>
internal sealed class ExcludingGenerator(ValueGenerator inner, IReadOnlyList<object> excluded) : ValueGenerator
{
    private const int Attempts = 16;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var value = inner.Generate(row);
        for (var attempt = 1; attempt < Attempts && IsExcluded(value); attempt++)
        {
            value = inner.Generate(row.WithAttempt((row.Attempt * Attempts) + attempt));
        }

        return value;
    }

    /// <inheritdoc />
    public override string? NotAddressableReason => inner.NotAddressableReason;

    private bool IsExcluded(object? value)
    {
        foreach (var item in excluded)
        {
            if (Equals(item, value))
            {
                return true;
            }
        }

        return false;
    }
}
