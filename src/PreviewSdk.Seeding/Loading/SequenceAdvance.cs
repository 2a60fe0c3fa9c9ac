using Npgsql;
using NpgsqlTypes;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// Moves the sequences behind serial and identity columns past the keys the seeder wrote explicitly, so the app's
/// next INSERT without a key gets a fresh one instead of a duplicate-key error.
/// </summary>
internal static class SequenceAdvance
{
    // One statement per column, with the range written taken from the rows themselves (never from the table).
    // setval(seq, v) leaves is_called true, so nextval returns v + increment. The sequence never moves back
    // (greatest with its last value): a sequence shared with another table must not hand out that table's keys
    // again. A range outside the sequence's bounds (keys written below a MINVALUE) leaves it alone. A column that
    // got no value (0 rows, or all NULL) has no range and is not touched. pg_get_serial_sequence finds the
    // sequence of serial and identity columns; the default's nextval('…') argument covers a sequence that the
    // column uses without owning it.
    private const string Sql = """
        SELECT setval(t.seq, CASE WHEN t.up
                                  THEN greatest($3, coalesce(pg_sequence_last_value(t.seq), $3))
                                  ELSE least($4, coalesce(pg_sequence_last_value(t.seq), $4)) END)
        FROM (SELECT q.seqrelid::regclass AS seq, q.seqincrement > 0 AS up, q.seqmin, q.seqmax
              FROM pg_catalog.pg_sequence q
              WHERE q.seqrelid = coalesce(pg_catalog.pg_get_serial_sequence($1, $2), $5)::regclass) t
        WHERE CASE WHEN t.up THEN $3 >= t.seqmin ELSE $4 <= t.seqmax END
        """;

    /// <summary>Advances the sequence of every column in <paramref name="keys"/> that received values.</summary>
    public static async Task AdvanceAsync(NpgsqlConnection connection, TableSchema table, WrittenKeys keys, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (column, lowest, highest) in keys.Ranges())
        {
            var command = new NpgsqlBatchCommand(Sql);
            command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = table.QualifiedName });
            command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = column.Name });
            command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = highest });
            command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = lowest });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)SequenceInDefault(column.Default) ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The sequence name in a default of the form <c>nextval('name'::regclass)</c>, as SQL text for a regclass cast, or null.</summary>
    internal static string? SequenceInDefault(string? defaultExpression)
    {
        const string Start = "nextval('";
        const string End = "'::regclass)";
        if (defaultExpression is null
            || !defaultExpression.StartsWith(Start, StringComparison.Ordinal)
            || !defaultExpression.EndsWith(End, StringComparison.Ordinal)
            || defaultExpression.Length < Start.Length + End.Length)
        {
            return null;
        }

        return defaultExpression[Start.Length..^End.Length].Replace("''", "'", StringComparison.Ordinal);
    }
}
