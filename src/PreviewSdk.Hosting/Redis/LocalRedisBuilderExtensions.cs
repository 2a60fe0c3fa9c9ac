using System.Net.Sockets;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace Aspire.Hosting;

/// <summary>Adds Redis run from the locally installed <c>redis-server</c>, without a container engine.</summary>
public static class LocalRedisBuilderExtensions
{
    /// <summary>
    /// Adds a Redis server run from <c>redis-server</c> on PATH, with its working folder in the environment's state
    /// folder, a free loopback port and no persistence (an environment's cache starts empty). It is healthy once it
    /// answers PING.
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var command = new LocalBinaryLocator().FindRedisServer()
            ?? throw PreviewHostingException.Create(DiagnosticCodes.RedisNotFound, name);
        var dataDirectory = builder.GetPreviewRuntime().DataDirectory(name);
        Directory.CreateDirectory(dataDirectory);
        var port = LoopbackPorts.Next();
        var redis = new LocalRedisResource(name, command, dataDirectory, port);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheckKey, ct => RedisProbe.PingAsync(port, ct));
        return builder.AddResource(redis)
            .WithArgs("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--dir", dataDirectory, "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no", "--set-proc-title", "no")
            .WithEndpoint(name: "tcp", scheme: "tcp", port: port, targetPort: port, isProxied: false)
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Memory");
    }
}

/// <summary>Speaks just enough RESP to ask a Redis server for PONG.</summary>
internal static class RedisProbe
{
    public static async Task<HealthCheckResult> PingAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var reply = Encoding.ASCII.GetString(buffer, 0, read);
            return reply.StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Redis answered '{reply.Trim()}' to PING.");
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Redis on port {port} does not answer yet: {e.Message}");
        }
    }
}
