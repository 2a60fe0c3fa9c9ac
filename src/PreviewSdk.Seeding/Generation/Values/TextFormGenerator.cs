using System.Globalization;
using System.Text;
using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Values of the types loaded in PostgreSQL's text form (see <see cref="PgType.IsTextForm"/>): text search vectors
/// and queries of English words, ranges and multiranges around the reference date or over small numbers, geometry
/// on a 0–100 plane, documentation networks (<c>192.0.2.0/24</c>) and MAC addresses (<c>00:00:5e:00:53:xx</c>, RFC
/// 7042), bit strings of the declared length and small XML documents. A value that must be distinct carries the row
/// index, so distinct rows never collide.
/// </summary>
internal sealed class TextFormGenerator(PgType type, ulong seed, bool unique, DateTime reference) : ValueGenerator
{
    private readonly PgType value = type.ValueType;

    /// <summary>True when this generator makes values of <paramref name="type"/> (a text-form type it knows).</summary>
    public static bool Knows(PgType type) => type.ValueType.Kind switch
    {
        PgTypeKind.Unsupported or PgTypeKind.Array => false,
        PgTypeKind.Range or PgTypeKind.Multirange => type.ValueType.Subtype is not null,
        _ => type.IsTextForm,
    };

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        var index = row.Row;
        return value.Kind switch
        {
            PgTypeKind.TsVector => Words(ref random, " ", quote: true, index),
            PgTypeKind.TsQuery => Words(ref random, " & ", quote: false, index),
            PgTypeKind.Range => Range(ref random, index),
            PgTypeKind.Multirange => string.Concat("{", Range(ref random, index * 2), ",", Range(ref random, (index * 2) + 1, after: true), "}"),
            PgTypeKind.Point => Point(ref random, index),
            PgTypeKind.Line => Invariant($"{{{random.Between(1, 9)},{-random.Between(1, 9)},{random.Between(-50, 50) + (unique ? index * 100 : 0)}}}"),
            PgTypeKind.LineSegment => string.Concat("[", Point(ref random, index), ",", Point(ref random, index), "]"),
            PgTypeKind.Box => Box(ref random, index),
            PgTypeKind.Path => Path(ref random, index, closed: random.Chance(0.5)),
            PgTypeKind.Polygon => Path(ref random, index, closed: true),
            PgTypeKind.Circle => string.Concat("<", Point(ref random, index), ",", Number(random.Between(1, 20)), ">"),
            PgTypeKind.Cidr => Cidr(ref random, index),
            PgTypeKind.MacAddr => unique ? Mac(index, 6) : Invariant($"00:00:5e:00:53:{random.Next(256):x2}"),
            PgTypeKind.MacAddr8 => unique ? Mac(index, 8) : Invariant($"00:00:5e:ef:10:00:00:{random.Next(256):x2}"),
            PgTypeKind.Bit => Bits(ref random, value.BitLength ?? 1, index),
            PgTypeKind.VarBit => Bits(ref random, (int)random.Between(Math.Min(value.BitLength ?? 16, 4), value.BitLength ?? 16), index),
            PgTypeKind.Xml => Xml(ref random, index),
            _ => null,
        };
    }

    private string Words(ref CellRandom random, string separator, bool quote, long index)
    {
        var count = (int)random.Between(2, 6);
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            var word = random.Pick(FakeData.Words);
            builder.Append(quote ? "'" : string.Empty).Append(word).Append(quote ? "'" : string.Empty);
        }

        if (unique)
        {
            builder.Append(separator).Append(quote ? "'" : string.Empty).Append('r').Append(index).Append(quote ? "'" : string.Empty);
        }

        return builder.ToString();
    }

    // [lower,upper) with lower < upper: whole numbers from 1 (a distinct range per row when unique), or dates and
    // times within a year before the reference date. A multirange's second range lies after its first.
    private string Range(ref CellRandom random, long index, bool after = false)
    {
        switch (value.Subtype)
        {
            case PgTypeKind.Date or PgTypeKind.Timestamp or PgTypeKind.TimestampTz:
                var start = reference.Date.AddDays(-random.Between(after ? 0 : 181, after ? 180 : 365));
                if (value.Subtype != PgTypeKind.Date)
                {
                    start = start.AddMinutes(random.Between(8 * 60, 18 * 60) / 15 * 15);
                }

                var end = value.Subtype == PgTypeKind.Date ? start.AddDays(random.Between(1, 30)) : start.AddHours(random.Between(1, 72));
                return string.Concat("[", Moment(start), ",", Moment(end), ")");
            default:
                var low = unique ? (index * 1000) + random.Between(1, 500) : random.Between(after ? 501 : 1, after ? 900 : 500);
                var high = low + random.Between(1, 99);
                return value.Subtype == PgTypeKind.Numeric
                    ? Invariant($"[{low}.{random.Next(100):00},{high}.{random.Next(100):00})")
                    : Invariant($"[{low},{high})");
        }
    }

    private string Moment(DateTime moment) => value.Subtype switch
    {
        PgTypeKind.Date => moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PgTypeKind.TimestampTz => moment.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00",
        _ => moment.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    };

    private string Point(ref CellRandom random, long index) =>
        Invariant($"({(unique ? index : random.Between(0, 1000)) / 10.0:0.#},{random.Between(0, 1000) / 10.0:0.#})");

    private string Box(ref CellRandom random, long index)
    {
        var x = unique ? index : random.Between(0, 900);
        var y = random.Between(0, 900);
        return Invariant($"({x + random.Between(1, 100)},{y + random.Between(1, 100)}),({x},{y})");
    }

    private string Path(ref CellRandom random, long index, bool closed)
    {
        var points = (int)random.Between(3, 5);
        var builder = new StringBuilder(closed ? "(" : "[");
        for (var i = 0; i < points; i++)
        {
            builder.Append(i > 0 ? "," : string.Empty).Append(Point(ref random, index));
        }

        return builder.Append(closed ? ")" : "]").ToString();
    }

    // The documentation networks as /24s and their /25 and /26 halves and quarters; distinct ones from 2001:db8::/32.
    private string Cidr(ref CellRandom random, long index)
    {
        if (unique)
        {
            return Invariant($"2001:db8:{(index >> 16) & 0xffff:x}:{index & 0xffff:x}::/64");
        }

        string[] networks = ["192.0.2", "198.51.100", "203.0.113"];
        var prefix = (int)random.Between(24, 26);
        var block = 1 << (32 - prefix);
        var host = random.Next(256 / block) * block;
        return Invariant($"{random.Pick(networks)}.{host}/{prefix}");
    }

    // Distinct addresses: locally administered (02:…), the row index in the low bytes.
    private static string Mac(long index, int bytes)
    {
        var parts = new string[bytes];
        parts[0] = "02";
        for (var i = 1; i < bytes; i++)
        {
            parts[i] = ((index >> (8 * (bytes - 1 - i))) & 0xff).ToString("x2", CultureInfo.InvariantCulture);
        }

        return string.Join(':', parts);
    }

    private string Bits(ref CellRandom random, int length, long index)
    {
        var bits = new char[Math.Max(length, 1)];
        for (var i = 0; i < bits.Length; i++)
        {
            // A distinct value takes the row index's binary digits from the right; the rest are random.
            var fromIndex = unique && i < 63 && bits.Length - 1 - i >= 0;
            bits[bits.Length - 1 - i] = fromIndex ? (char)('0' + ((index >> i) & 1)) : (char)('0' + random.Next(2));
        }

        return new string(bits);
    }

    private static string Xml(ref CellRandom random, long index) =>
        string.Concat(
            "<note id=\"", Number(index + 1), "\"><title>", FakeText.Words(ref random, 3, 40, capitalizeAll: true),
            "</title><body>", FakeText.Words(ref random, 8, 80, capitalizeAll: false), "</body></note>");

    private static string Number(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
