using Npgsql;
using PreviewSdk.Seeding.Migrations;
using PreviewSdk.Seeding.Runs;

namespace PreviewSdk.Seeding.Tests.Migrations;

/// <summary>Seeding steps for the migration check that write known rows with plain SQL instead of the seeder.</summary>
internal static class TestSeedSteps
{
    /// <summary>Runs <paramref name="sql"/> and reports the rows of every public table as seeded.</summary>
    public static SeedStep Sql(string sql) => async (connection, cancellationToken) =>
    {
        await using (var command = new NpgsqlCommand(sql, connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var snapshot = await CatalogSnapshotReader.TakeAsync(connection, cancellationToken);
        var tables = snapshot.Tables.Select(table => new TableRows(table.DisplayName, table.Rows)).ToList();
        return new SeedRunResult(new SeedSummary(connection.Database, 1, tables, TimeSpan.Zero), []);
    };
}
