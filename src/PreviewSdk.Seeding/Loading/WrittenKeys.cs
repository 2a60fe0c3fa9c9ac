using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// The lowest and highest value written into each sequence-backed column (serial or identity) of one table, taken
/// from the rows as they stream past, so advancing the sequences needs no query that reads the table.
/// </summary>
internal sealed class WrittenKeys
{
    private readonly int[] indexes;
    private readonly ColumnSchema[] columns;
    private readonly long[] lowest;
    private readonly long[] highest;
    private readonly bool[] seen;

    private WrittenKeys(IReadOnlyList<ColumnSchema> written)
    {
        indexes = Enumerable.Range(0, written.Count).Where(i => written[i].IsSequenceBacked).ToArray();
        columns = indexes.Select(i => written[i]).ToArray();
        lowest = new long[indexes.Length];
        highest = new long[indexes.Length];
        seen = new bool[indexes.Length];
    }

    /// <summary>A tracker for the sequence-backed columns among <paramref name="written"/> (the columns of the rows it will see).</summary>
    public static WrittenKeys For(IReadOnlyList<ColumnSchema> written) => new(written);

    /// <summary>True when some written column draws from a sequence.</summary>
    public bool Any => indexes.Length > 0;

    /// <summary>Takes one written row into account.</summary>
    public void Observe(object?[] row)
    {
        for (var k = 0; k < indexes.Length; k++)
        {
            if (row[indexes[k]] is not { } value)
            {
                continue;
            }

            var number = value switch
            {
                long l => l,
                int i => i,
                short s => s,
                _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            };
            if (!seen[k])
            {
                seen[k] = true;
                lowest[k] = highest[k] = number;
            }
            else if (number < lowest[k])
            {
                lowest[k] = number;
            }
            else if (number > highest[k])
            {
                highest[k] = number;
            }
        }
    }

    /// <summary>Each sequence-backed column that received at least one value, with the range written.</summary>
    public IEnumerable<(ColumnSchema Column, long Lowest, long Highest)> Ranges()
    {
        for (var k = 0; k < indexes.Length; k++)
        {
            if (seen[k])
            {
                yield return (columns[k], lowest[k], highest[k]);
            }
        }
    }
}
