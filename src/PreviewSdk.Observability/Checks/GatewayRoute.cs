namespace PreviewSdk.Observability.Checks;

/// <summary>
/// How <c>-t:PreviewTest</c> reaches a running environment's services: through its gateway, as the people who open
/// its links do.
/// </summary>
/// <param name="Endpoint">Where the gateway listens, e.g. <c>127.0.0.1:41234</c> (the ready report's <c>GatewayEndpoint</c>).</param>
/// <param name="Token">The environment's access token; null when its gateway asks for none (<c>PreviewAuth=none</c>).</param>
public sealed record GatewayRoute(string Endpoint, string? Token)
{
    /// <summary>The header the gateway takes the token from (automation's way in, besides the link and the cookie).</summary>
    public const string TokenHeader = "X-Preview-Token";

    /// <summary>Whether <paramref name="host"/> is <c>localhost</c> or a name under it, which only this machine's gateway answers.</summary>
    public static bool IsLocal(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
