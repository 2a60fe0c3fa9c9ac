using System.Net;
using System.Net.Sockets;

namespace PreviewSdk.Core.Environments;

/// <summary>Hands out free TCP ports on 127.0.0.1, never fixed ones, so environments run side by side.</summary>
public static class LoopbackPorts
{
    // Below the kernel's ephemeral range, which every bind to port 0 and every outgoing connection on the machine draws
    // from. A port handed out here is free when handed out but only used a moment later, by another process (Redis,
    // PostgreSQL, the dashboard); drawn from the ephemeral range it could meanwhile be taken by anything on the machine
    // (a full test run saw Redis fail to bind its port because another server listened on it). Drawn below it, only
    // another such draw can take it.
    private const int LowestPort = 10000;
    private const int Attempts = 64;

    // Read once: the range is the machine's setting, not something that changes between two ports.
    private static readonly Lazy<int?> RangeStart = new(ReadEphemeralRangeStart);

    /// <summary>
    /// A free port: on Linux a random one between 10000 and the start of the ephemeral range
    /// (<c>/proc/sys/net/ipv4/ip_local_port_range</c>), checked free by binding it; elsewhere, or when that range is
    /// too small or busy, one the OS gives for port 0. The port is released before it is used, so it is free now,
    /// not reserved.
    /// </summary>
    public static int Next()
    {
        if (EphemeralRangeStart() is { } start && start - LowestPort >= 1000)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var port = Random.Shared.Next(LowestPort, start);
                if (TryBind(port))
                {
                    return port;
                }
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first port of the kernel's ephemeral range, or null where there is none to read (not Linux).</summary>
    public static int? EphemeralRangeStart() => RangeStart.Value;

    private static int? ReadEphemeralRangeStart()
    {
        try
        {
            var fields = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields.Length == 2 && int.TryParse(fields[0], System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool TryBind(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
