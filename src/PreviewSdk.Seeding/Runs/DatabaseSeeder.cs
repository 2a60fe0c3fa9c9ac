using Npgsql;

namespace PreviewSdk.Seeding.Runs;

/// <summary>
/// Seeds one database end to end: reads its schema from the catalog, plans every table, checks the guard, then
/// loads all rows in one transaction. Nothing is written unless every step before the load succeeded.
/// </summary>
public static class DatabaseSeeder
{
    /// <summary>Seeds the database <paramref name="connection"/> is open on.</summary>
    /// <param name="connection">An open connection to the database to seed.</param>
    /// <param name="request">What to generate and how careful to be.</param>
    /// <param name="cancellationToken">Stops the seeding; the transaction is rolled back.</param>
    public static Task<SeedRunResult> SeedAsync(NpgsqlConnection connection, SeedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        // Wired once the schema reader, planner and loader land (they are built side by side).
        throw new NotSupportedException("Seeding is not wired yet.");
    }
}
