namespace PreviewSdk.Gateway.Routing;

/// <summary>Where the gateway forwards a route to, as the environment knows it now.</summary>
public interface IGatewayUpstreams
{
    /// <summary>
    /// The base address of <paramref name="route"/>'s endpoint (such as <c>http://127.0.0.1:46473/</c>), or null
    /// while it has none (not started yet, or stopped).
    /// </summary>
    Uri? Find(GatewayRoute route);
}
