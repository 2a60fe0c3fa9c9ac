namespace PreviewSdk.Seeding.Loading;

/// <summary>How <see cref="SeedLoader"/> loads a plan.</summary>
public sealed record SeedLoadOptions
{
    /// <summary>
    /// Empty the plan's tables first, in the same transaction, with one
    /// <c>TRUNCATE … RESTART IDENTITY CASCADE</c>: their sequences restart too. CASCADE also empties every table
    /// that references them by a foreign key, even a table the plan does not fill (a skipped table, say), because
    /// PostgreSQL cannot truncate a referenced table alone.
    /// </summary>
    public bool Reset { get; init; }

    /// <summary>Receives one line per table as it is loaded, e.g. <c>orders: 2,000 rows in 41 ms</c>; null for none.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// Runs inside the load's transaction after every row is written and before it commits, on its connection: what
    /// it reads is exactly what the commit makes visible (a template's capture). It must not throw for a failure of
    /// its own; null for nothing.
    /// </summary>
    public Func<Npgsql.NpgsqlConnection, CancellationToken, Task>? BeforeCommit { get; init; }

    /// <summary>The file diagnostics point at (preview.yaml).</summary>
    public string SourceFile { get; init; } = "preview.yaml";
}
