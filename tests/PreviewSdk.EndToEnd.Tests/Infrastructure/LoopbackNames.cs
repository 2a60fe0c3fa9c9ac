using System.Net;
using System.Net.Sockets;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Resolves host names as browsers and curl do: <c>localhost</c> and every <c>*.localhost</c> name (the gateway's
/// host names: <c>shop-web.main.localhost</c>) are the loopback (RFC 6761), which .NET leaves to the system resolver,
/// and that knows only <c>localhost</c> itself.
/// </summary>
internal static class LoopbackNames
{
    public static IPAddress[] Resolve(string host) =>
        host == "localhost" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
            : Dns.GetHostAddresses(host);

    /// <summary>A connect callback for <see cref="SocketsHttpHandler"/> that resolves with <see cref="Resolve"/>.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        SocketException? last = null;
        foreach (var address in Resolve(context.DnsEndPoint.Host))
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
