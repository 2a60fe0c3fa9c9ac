namespace PreviewSdk.Seeding.Runs;

/// <summary>What a seeding wrote: shown in the dashboard log, the links output and by <c>-t:PreviewSeed</c>.</summary>
/// <param name="Database">The database name.</param>
/// <param name="Seed">The random seed used.</param>
/// <param name="Tables">Rows written per table, in load order.</param>
/// <param name="Elapsed">The time from reading the schema to the commit.</param>
public sealed record SeedSummary(string Database, int Seed, IReadOnlyList<TableRows> Tables, TimeSpan Elapsed)
{
    /// <summary>All rows written.</summary>
    public long TotalRows => Tables.Sum(table => table.Rows);
}

/// <summary>Rows written into one table.</summary>
/// <param name="Table">The table's display name.</param>
/// <param name="Rows">The number of rows.</param>
public sealed record TableRows(string Table, long Rows);
