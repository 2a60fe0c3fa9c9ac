namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Where a value is generated: the row's index in its table, for a table sized per parent the parent's index and
/// the row's position among that parent's children, the retry number (for a unique constraint the seeder cannot
/// satisfy by construction), and the values of the row generated so far (for column-to-column checks).
/// </summary>
internal readonly struct RowState
{
    /// <summary>A row state.</summary>
    public RowState(long row, long parent, long position, int attempt, object?[]? values)
    {
        Row = row;
        Parent = parent;
        Position = position;
        Attempt = attempt;
        Values = values;
    }

    /// <summary>The row's index in its table, from 0.</summary>
    public long Row { get; }

    /// <summary>The parent's index when the table is sized per parent, else -1.</summary>
    public long Parent { get; }

    /// <summary>The row's position among its parent's children (its <see cref="Row"/> when not sized per parent).</summary>
    public long Position { get; }

    /// <summary>0, or the retry number while looking for a distinct value.</summary>
    public int Attempt { get; }

    /// <summary>The row's values so far, by output column; null when a key is computed on its own.</summary>
    public object?[]? Values { get; }

    /// <summary>The same place, another attempt.</summary>
    public RowState WithAttempt(int attempt) => new(Row, Parent, Position, attempt, Values);
}
