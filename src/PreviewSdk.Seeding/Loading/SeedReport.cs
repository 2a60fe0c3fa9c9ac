namespace PreviewSdk.Seeding.Loading;

/// <summary>What a load wrote.</summary>
/// <param name="Seed">The plan's random seed, so a report says which data it describes.</param>
/// <param name="Tables">One entry per table, in the order they were loaded.</param>
/// <param name="Elapsed">The whole load: reset, every table, the second pass, sequences and the commit.</param>
public sealed record SeedReport(int Seed, IReadOnlyList<SeededTable> Tables, TimeSpan Elapsed)
{
    /// <summary>The rows written into all tables.</summary>
    public long TotalRows => Tables.Sum(table => table.Rows);
}

/// <summary>What was written into one table.</summary>
/// <param name="DisplayName">The table as preview.yaml names it (<c>orders</c>, or <c>sales.orders</c> outside public).</param>
/// <param name="Rows">The rows written.</param>
/// <param name="Elapsed">The time its rows took, the second pass included.</param>
public sealed record SeededTable(string DisplayName, long Rows, TimeSpan Elapsed)
{
    /// <summary>The rows whose deferred foreign keys the second pass set (0 when none are deferred).</summary>
    public long DeferredRows { get; init; }

    /// <summary>
    /// True when the database's own triggers filled the table while the tables before it were seeded: it kept those
    /// rows and got no generated ones (<see cref="Rows"/> counts the trigger's).
    /// </summary>
    public bool ByTriggers { get; init; }
}
