using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// The database's own triggers fire while the seed loads, as they do for the app's inserts: they keep derived
/// values right (Zabbix's <c>name_upper = upper(name)</c>, MediaWiki's search vectors), which disabling them
/// (<c>session_replication_role = replica</c>, which would also turn off every foreign key check) would break. A
/// trigger that writes another table (an audit log) fills it before its own turn: that table keeps the trigger's
/// rows, which are what the app would have there, and gets no generated rows on top, since generated keys would
/// collide with the ones the trigger took. The load marks itself with <c>previewsdk.seeding = on</c> for the
/// transaction, so a trigger can tell the seed from the app.
/// </summary>
internal static class TriggerRows
{
    /// <summary>The setting a trigger can read (<c>current_setting('previewsdk.seeding', true)</c>) during the seed.</summary>
    public const string SeedingSetting = "previewsdk.seeding";

    /// <summary>
    /// Whether the database has enabled triggers of its own; if so, marks the transaction with
    /// <see cref="SeedingSetting"/>. Reads only the catalog.
    /// </summary>
    public static async Task<bool> PrepareAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D')", connection);
        if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            return false;
        }

        await using var mark = new NpgsqlCommand($"SELECT pg_catalog.set_config('{SeedingSetting}', 'on', true)", connection);
        await mark.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The rows triggers wrote into <paramref name="table"/> before its turn (0 when none): the guard or the reset
    /// left every seeded table empty, so whatever it holds now came from them. A count, never a row.
    /// </summary>
    /// <exception cref="SeedLoadException">
    /// PREVIEW4161: it holds rows and other seeded tables reference it, whose keys into it the seeder computes from
    /// the rows it would have generated.
    /// </exception>
    public static async Task<long> CountAsync(NpgsqlConnection connection, SeedPlan plan, TablePlan table, string sourceFile, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table.Table.QualifiedName}", connection);
        var rows = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (rows == 0)
        {
            return 0;
        }

        var referencing = plan.Tables
            .Where(other => other != table && other.Table.ForeignKeys.Any(fk => fk.ReferencedDisplayName == table.Table.DisplayName))
            .Select(other => other.Table.DisplayName)
            .ToList();
        if (referencing.Count > 0)
        {
            throw new SeedLoadException(
                DiagnosticFactory.Create(
                    DiagnosticCodes.SeedTableFilledByTriggers, SourceLocation.WholeFile(sourceFile), table.Table.DisplayName, rows,
                    DiagnosticFactory.NameList(referencing), string.Join(", ", referencing.Prepend(table.Table.DisplayName))),
                null);
        }

        return rows;
    }
}
