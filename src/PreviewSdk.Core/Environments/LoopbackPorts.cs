using System.Net;
using System.Net.Sockets;

namespace PreviewSdk.Core.Environments;

/// <summary>Hands out free TCP ports on 127.0.0.1, never fixed ones, so environments run side by side.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// Asks the OS for a free port by binding port 0. The port is released before it is used, so a race is
    /// possible in theory; the OS cycles through its ephemeral range, which makes an immediate reuse unlikely.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
