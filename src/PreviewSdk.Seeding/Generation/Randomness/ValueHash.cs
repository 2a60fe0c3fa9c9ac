using System.Net;

namespace PreviewSdk.Seeding.Generation.Randomness;

/// <summary>
/// A 64-bit hash of a generated value that is the same in every process (unlike <see cref="object.GetHashCode"/>
/// for strings), so which rows a unique constraint redraws never depends on the run.
/// </summary>
internal static class ValueHash
{
    /// <summary>The hash of a value (null included).</summary>
    public static ulong Of(object? value) => value switch
    {
        null => 0x5BD1E995UL,
        string text => StableHash.Text(0xCBF29CE484222325UL, text),
        bool flag => flag ? 1UL : 2UL,
        short number => StableHash.Mix((ulong)number),
        int number => StableHash.Mix((ulong)number),
        long number => StableHash.Mix((ulong)number),
        // 1.0 and 1.00 are equal values: hash the normalised number.
        decimal number => StableHash.Text(7, (number / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        float number => StableHash.Mix(BitConverter.DoubleToUInt64Bits(number)),
        double number => StableHash.Mix(BitConverter.DoubleToUInt64Bits(number)),
        DateTime instant => StableHash.Mix((ulong)instant.Ticks),
        DateOnly date => StableHash.Mix((ulong)date.DayNumber),
        TimeOnly time => StableHash.Mix((ulong)time.Ticks),
        TimeSpan span => StableHash.Mix((ulong)span.Ticks),
        Guid guid => Bytes(guid.ToByteArray()),
        byte[] bytes => Bytes(bytes),
        IPAddress address => Bytes(address.GetAddressBytes()),
        Array array => Elements(array),
        _ => StableHash.Text(11, value.ToString() ?? string.Empty),
    };

    /// <summary>Combines the hash so far with the next value's.</summary>
    public static ulong Combine(ulong hash, object? value) => StableHash.Mix(hash ^ (Of(value) + StableHash.Golden + (hash << 6) + (hash >> 2)));

    private static ulong Bytes(byte[] bytes)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Elements(Array array)
    {
        var hash = (ulong)array.Length;
        foreach (var item in array)
        {
            hash = Combine(hash, item);
        }

        return hash;
    }
}
