using Docker.DotNet;

namespace PreviewSdk.Core.Containers;

/// <summary>
/// A container engine that answered the Docker Engine API: Docker, or Podman's Docker-compatible service.
/// </summary>
/// <param name="Endpoint">Where it answered: <c>unix:///run/podman/podman.sock</c>, <c>tcp://host:2375</c>.</param>
/// <param name="Product">What it says it is: <c>Docker</c> or <c>Podman</c>.</param>
/// <param name="Version">The engine's own version, e.g. <c>4.3.1</c>.</param>
/// <param name="ApiVersion">The Docker Engine API version it serves, e.g. <c>1.41</c>.</param>
public sealed record ContainerEngine(string Endpoint, string Product, string Version, string ApiVersion)
{
    /// <summary>The oldest Docker Engine API PreviewSdk works with: Docker 20.10, Podman 3 and later serve it.</summary>
    public static Version MinimumApiVersion { get; } = new(1, 41);

    /// <summary>How long one request to the engine may take before it counts as not answering.</summary>
    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>True for Podman, whose command-line tool Aspire's orchestrator then drives.</summary>
    public bool IsPodman => Product.Equals("Podman", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The value of <c>ASPIRE_CONTAINER_RUNTIME</c> that makes Aspire's orchestrator use the same engine:
    /// <c>podman</c> or <c>docker</c>.
    /// </summary>
    public string AspireRuntime => IsPodman ? "podman" : "docker";

    /// <summary>One line for people: <c>Podman 4.3.1 (API 1.41) at unix:///run/podman/podman.sock</c>.</summary>
    public string Describe() => $"{Product} {Version} (API {ApiVersion}) at {Endpoint}";

    /// <summary>A client of this engine; the caller disposes it.</summary>
    public DockerClient CreateClient() => CreateClient(Endpoint);

    internal static DockerClient CreateClient(string endpoint) =>
        new DockerClientConfiguration(new Uri(endpoint), credentials: null, defaultTimeout: RequestTimeout).CreateClient();
}
