using System.Net;
using System.Net.Sockets;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>Whether anything still accepts connections at a link's address.</summary>
internal static class ListeningPorts
{
    /// <summary>
    /// The addresses of <paramref name="link"/>'s host (both loopback families for <c>localhost</c>) at which its port
    /// accepted a connection; empty when every one refused it.
    /// </summary>
    public static IReadOnlyList<IPEndPoint> Accepting(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var accepting = new List<IPEndPoint>();
        foreach (var address in LoopbackNames.Resolve(link.Host))
        {
            var endpoint = new IPEndPoint(address, link.Port);
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                var connect = socket.ConnectAsync(endpoint);
                if (!connect.Wait(TimeSpan.FromSeconds(3)) || socket.Connected)
                {
                    // Connected, or neither accepted nor refused within the time: either way not the refusal we expect.
                    accepting.Add(endpoint);
                }
            }
            catch (AggregateException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported })
            {
                // Refused: nothing listens there.
            }
        }

        return accepting;
    }
}
