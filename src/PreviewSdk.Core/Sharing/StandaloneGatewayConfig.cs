namespace PreviewSdk.Core.Sharing;

/// <summary>
/// What a gateway running on its own (the Kubernetes target's <c>preview-gateway</c> Deployment, where there is no
/// app host) is told in its configuration file: the environment, its settings, and where each service answers. The
/// Kubernetes renderer writes it into a ConfigMap; <c>PreviewSdk.Gateway.Host</c> reads it. The access token is not
/// in it: it is in a Secret mounted as a file in <see cref="TokenDirectory"/>, which the gateway follows.
/// </summary>
public sealed record StandaloneGatewayConfig
{
    /// <summary>The environment's name.</summary>
    public required string Environment { get; init; }

    /// <summary>The environment's id, which scopes the access cookie.</summary>
    public required string EnvironmentId { get; init; }

    /// <summary>The app.</summary>
    public required string App { get; init; }

    /// <summary>The profile.</summary>
    public required string Profile { get; init; }

    /// <summary>The owner, for the directory page.</summary>
    public string? Owner { get; init; }

    /// <summary>The git branch, for the directory page.</summary>
    public string? Branch { get; init; }

    /// <summary>The public address links start from (scheme, domain, and port when not the default).</summary>
    public required Uri PublicUrl { get; init; }

    /// <summary><c>token</c> or <c>none</c>.</summary>
    public string Auth { get; init; } = "token";

    /// <summary>The folder holding the <c>access-token</c> file (a mounted Secret).</summary>
    public string TokenDirectory { get; init; } = "/var/run/previewsdk/access";

    /// <summary>Addresses or CIDR ranges whose forwarded headers are believed (the ingress controller's pods).</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>The port a standalone gateway listens on unless told otherwise.</summary>
    public const int DefaultPort = 8080;

    /// <summary>The port the gateway listens on in its pod.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Every service with an HTTP endpoint, in plan order.</summary>
    public IReadOnlyList<StandaloneGatewayService> Services { get; init; } = [];

    /// <summary>One line per seeded database for the directory page, e.g. <c>shopdb: seeded by job shopdb-seed (seed 42)</c>.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];
}

/// <summary>A service behind a standalone gateway.</summary>
/// <param name="Name">The service's name (its host label).</param>
/// <param name="Url">Its address inside the cluster, e.g. <c>http://shop-api:8080/</c>.</param>
/// <param name="HealthPath">The path the gateway probes for the directory page's health column, or null.</param>
public sealed record StandaloneGatewayService(string Name, Uri Url, string? HealthPath);
