using System.Net;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Addresses from the documentation ranges only: IPv4 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737);
/// when distinct and more than those 762 hosts are needed, IPv6 2001:db8::/32 (RFC 3849) with the row index in it.
/// </summary>
internal sealed class InetGenerator(ulong seed, bool unique, long rows, bool asText) : ValueGenerator
{
    /// <summary>Distinct IPv4 documentation hosts: three networks of 254.</summary>
    public const long Ipv4Hosts = 3 * 254;

    private static readonly byte[][] Networks = [[192, 0, 2], [198, 51, 100], [203, 0, 113]];
    private readonly IndexPermutation? permutation = unique && rows <= Ipv4Hosts ? new IndexPermutation(seed, Ipv4Hosts) : null;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        IPAddress address;
        if (unique && permutation is null)
        {
            var bytes = new byte[16];
            bytes[0] = 0x20;
            bytes[1] = 0x01;
            bytes[2] = 0x0d;
            bytes[3] = 0xb8;
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), row.Row + 1);
            address = new IPAddress(bytes);
        }
        else
        {
            long host;
            if (permutation is not null)
            {
                host = permutation.Apply(row.Row);
            }
            else
            {
                var random = new CellRandom(seed, row.Row, row.Attempt);
                host = random.NextLong(Ipv4Hosts);
            }

            var network = Networks[host / 254];
            address = new IPAddress([network[0], network[1], network[2], (byte)(host % 254 + 1)]);
        }

        return asText ? address.ToString() : address;
    }
}
