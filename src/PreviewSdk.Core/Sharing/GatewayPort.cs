using System.Net;
using System.Net.Sockets;

namespace PreviewSdk.Core.Sharing;

/// <summary>Whether a gateway port can be listened on, checked before anything starts (PREVIEW1043).</summary>
public static class GatewayPort
{
    /// <summary>True when nothing listens on <paramref name="port"/> at <paramref name="address"/> (or, for 0.0.0.0, at any address).</summary>
    public static bool IsFree(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        try
        {
            using var listener = new TcpListener(address, port);
            // Without reuse, as Kestrel binds: a port someone listens on is refused.
            listener.Server.ExclusiveAddressUse = !OperatingSystem.IsLinux() && listener.Server.ExclusiveAddressUse;
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
