using System.Net;
using System.Net.Sockets;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
public sealed class LoopbackPortsTests
{
    [TestMethod]
    public void Next_OnLinux_IsBelowTheEphemeralRange_AndFree()
    {
        var start = LoopbackPorts.EphemeralRangeStart();
        if (start is null)
        {
            Assert.Inconclusive("No /proc/sys/net/ipv4/ip_local_port_range here.");
        }

        for (var i = 0; i < 50; i++)
        {
            var port = LoopbackPorts.Next();

            Assert.IsTrue(port >= 10000 && port < start, $"{port} is not between 10000 and the ephemeral range's start {start}.");
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }

    [TestMethod]
    public void Next_SkipsAPortInUse()
    {
        // Hold many ports the draw could pick: every port handed out meanwhile is still free.
        var held = new List<TcpListener>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                var port = LoopbackPorts.Next();
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                held.Add(listener);
            }

            Assert.HasCount(200, held.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).Distinct().ToList());
        }
        finally
        {
            held.ForEach(listener => listener.Stop());
        }
    }
}
