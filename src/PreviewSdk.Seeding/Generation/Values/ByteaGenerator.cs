using System.Buffers.Binary;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>A few random bytes (8 to 32); when distinct, the first eight are the row index.</summary>
internal sealed class ByteaGenerator(ulong seed, bool unique) : ValueGenerator
{
    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        var bytes = new byte[unique ? 16 : (int)random.Between(8, 32)];
        var start = 0;
        if (unique)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes, row.Row);
            start = 8;
        }

        for (var i = start; i < bytes.Length; i++)
        {
            bytes[i] = (byte)random.Next(256);
        }

        return bytes;
    }
}
