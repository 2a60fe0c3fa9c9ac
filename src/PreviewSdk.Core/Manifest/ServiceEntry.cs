namespace PreviewSdk.Core.Manifest;

/// <summary>One entry of <c>services:</c>: settings for the service of one ProjectReference.</summary>
/// <param name="Name">The key: the service name, and the ProjectReference it matches unless <paramref name="Project"/> is set.</param>
/// <param name="Project">The <c>project:</c> file name (without extension) of the ProjectReference, or null.</param>
/// <param name="Health">The <c>health:</c> path, or null when not set or set to <c>false</c>.</param>
/// <param name="IsHealthCheckDisabled">True for <c>health: false</c>: no health check even for a web project.</param>
/// <param name="Replicas">The <c>replicas:</c> count, or null when not set (or invalid, already reported).</param>
/// <param name="Environment">The <c>env:</c> variables, in file order.</param>
/// <param name="Uses">The <c>uses:</c> names, in file order.</param>
public sealed record ServiceEntry(
    Located<string> Name,
    Located<string>? Project,
    Located<string>? Health,
    bool IsHealthCheckDisabled,
    Located<int>? Replicas,
    IReadOnlyList<EnvironmentVariableEntry> Environment,
    IReadOnlyList<Located<string>> Uses)
{
    /// <summary>
    /// The <c>protocol:</c> its endpoint speaks, <c>http1</c> or <c>http2</c> (HTTP/2 only, as gRPC services are
    /// set up), or null when not written (HTTP/1.1, with a health probe that switches to HTTP/2 when it must).
    /// </summary>
    public Located<string>? Protocol { get; init; }
}
