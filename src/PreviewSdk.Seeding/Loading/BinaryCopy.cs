using Npgsql;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Loading;

/// <summary>Streams rows into a table with <c>COPY … FROM STDIN (FORMAT BINARY)</c>: the fastest way into PostgreSQL.</summary>
internal static class BinaryCopy
{
    /// <summary>
    /// Copies <paramref name="rows"/> (one value per column, null for NULL) into <paramref name="target"/> and returns
    /// how many rows PostgreSQL took. <paramref name="observe"/> sees every row after it was written.
    /// </summary>
    /// <remarks>
    /// Cancellation is checked between rows and never handed to Npgsql's writes: a write cancelled halfway breaks
    /// the connection, while an exception between rows lets the importer's disposal send CopyFail and leaves the
    /// connection usable for the rollback.
    /// </remarks>
    public static async Task<long> CopyAsync(
        NpgsqlConnection connection,
        string target,
        IReadOnlyList<ColumnSchema> columns,
        IEnumerable<object?[]> rows,
        Action<object?[]>? observe,
        CancellationToken cancellationToken)
    {
        var writers = new ColumnWriter[columns.Count];
        for (var i = 0; i < writers.Length; i++)
        {
            writers[i] = ColumnWriter.For(columns[i].Type);
        }

        var columnList = string.Join(", ", columns.Select(column => SqlNames.Quote(column.Name)));
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {target} ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Length != writers.Length)
            {
                throw new InvalidOperationException(
                    $"A row for {target} has {row.Length} values for {writers.Length} columns ({columnList}): a bug in the seed plan.");
            }

            await importer.StartRowAsync(CancellationToken.None);
            for (var i = 0; i < writers.Length; i++)
            {
                var value = row[i];
                await (value is null ? importer.WriteNullAsync(CancellationToken.None) : writers[i].WriteAsync(importer, value));
            }

            observe?.Invoke(row);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return (long)await importer.CompleteAsync(CancellationToken.None);
    }
}
