using System.Net.Sockets;
using PreviewSdk.Core.Containers;

namespace PreviewSdk.Core.Tests.Containers;

/// <summary>The probe against the machine's real engine, and against sockets that are missing, dead or unusable.</summary>
[TestClass]
public sealed class ContainerEngineProbeTests
{
    [TestMethod]
    public async Task FindAsync_TheMachinesEngine_AnswersWithItsVersionAndApi()
    {
        var engine = TestEngine.Require();

        var probe = await ContainerEngineProbe.FindAsync([engine.Endpoint]);

        Assert.IsNotNull(probe.Engine, probe.DescribeAttempts());
        Assert.IsTrue(Version.Parse(probe.Engine.ApiVersion) >= ContainerEngine.MinimumApiVersion, probe.Engine.Describe());
        Assert.AreEqual(probe.Engine.IsPodman ? "podman" : "docker", probe.Engine.AspireRuntime);
        StringAssert.StartsWith(probe.Engine.Describe(), probe.Engine.Product + " ");
    }

    [TestMethod]
    public async Task FindAsync_NoSocket_IsDownWithTheReason()
    {
        using var folder = new TempFolder();

        var probe = await ContainerEngineProbe.FindAsync([$"unix://{folder.Root}/docker.sock", "ftp://example"]);

        Assert.IsNull(probe.Engine);
        Assert.AreEqual(EndpointProblem.Down, probe.Problem);
        Assert.AreEqual(EndpointProblem.Missing, probe.Attempts[0].Problem);
        Assert.AreEqual(EndpointProblem.Unusable, probe.Attempts[1].Problem);
        StringAssert.Contains(probe.DescribeAttempts(), $"unix://{folder.Root}/docker.sock: no such socket");
    }

    [TestMethod]
    public async Task FindAsync_SocketWithoutListener_IsDown()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Root, "dead.sock");
        // Bound without listening: the file is there, connecting is refused (as after an engine crashed).
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var probe = await ContainerEngineProbe.FindAsync([$"unix://{path}"]);

        Assert.IsNull(probe.Engine);
        Assert.AreEqual(EndpointProblem.Down, probe.Attempts.Single().Problem, probe.DescribeAttempts());
    }

    [TestMethod]
    public async Task FindAsync_SocketThatIsNoEngine_IsDown()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Root, "mute.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        // Accepts and hangs up at once: a socket of something else.
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var client = await listener.AcceptAsync();
            }
        });

        var probe = await ContainerEngineProbe.FindAsync([$"unix://{path}"]);

        Assert.IsNull(probe.Engine);
        Assert.AreEqual(EndpointProblem.Down, probe.Problem, probe.DescribeAttempts());
    }
}
