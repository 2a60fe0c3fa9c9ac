namespace Aspire.Hosting.ApplicationModel;

/// <summary>A Redis server run from the locally installed <c>redis-server</c>, on a free loopback port.</summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory, int port)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; } = port;

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
