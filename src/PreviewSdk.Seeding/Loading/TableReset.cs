using Npgsql;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Loading;

/// <summary>Empties tables before a reseed.</summary>
internal static class TableReset
{
    /// <summary>
    /// Truncates <paramref name="tables"/> in one statement, restarting their sequences. CASCADE empties the tables
    /// that reference them too: PostgreSQL refuses to truncate a referenced table alone, and a row left pointing
    /// into an emptied table could not exist anyway.
    /// </summary>
    public static async Task TruncateAsync(NpgsqlConnection connection, IEnumerable<TableSchema> tables, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", tables.Select(table => table.QualifiedName).Distinct(StringComparer.Ordinal));
        if (names.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand($"TRUNCATE TABLE {names} RESTART IDENTITY CASCADE", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
