namespace PreviewSdk.Core.Environments;

/// <summary>
/// What the hosting layer reports once every resource of the environment is healthy (<see cref="StateFiles.Ready"/>).
/// </summary>
public sealed record ReadyReport
{
    /// <summary>When the environment became ready (UTC).</summary>
    public required DateTimeOffset ReadyAt { get; init; }

    /// <summary>The dashboard's address.</summary>
    public required string DashboardUrl { get; init; }

    /// <summary>The dashboard's login address, token included.</summary>
    public required string DashboardLoginUrl { get; init; }

    /// <summary>Every resource of the environment, in model order.</summary>
    public required IReadOnlyList<ResourceStatus> Resources { get; init; }

    /// <summary>
    /// Where the gateway listens, as an address to connect to (<c>127.0.0.1:41234</c>; the loopback when it listens
    /// on every address), for commands that talk to the running gateway (<c>-t:PreviewRotateToken</c>).
    /// </summary>
    public string? GatewayEndpoint { get; init; }
}

/// <summary>The state of one resource of the environment as the hosting layer last saw it.</summary>
public sealed record ResourceStatus
{
    /// <summary>The resource's name.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of resource (Project, Executable, PostgresDatabase …).</summary>
    public required string Type { get; init; }

    /// <summary>Aspire's state text (Starting, Running, Exited, FailedToStart …).</summary>
    public string? State { get; init; }

    /// <summary>Healthy, Unhealthy, Degraded, or null while unknown.</summary>
    public string? Health { get; init; }

    /// <summary>Exit code when the resource has exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>External URLs of the resource (its HTTP endpoints), in endpoint order.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>Process ids the resource runs as, where known.</summary>
    public IReadOnlyList<int> ProcessIds { get; init; } = [];

    /// <summary>The last answer of each of its health checks (for a web service: the URL it probed and the status it got).</summary>
    public IReadOnlyList<HealthCheckAnswer> HealthChecks { get; init; } = [];

    /// <summary>The resources it waits for before it starts (or, for a seeding, before it seeds).</summary>
    public IReadOnlyList<string> WaitsFor { get; init; } = [];
}

/// <summary>The last answer of one health check of a resource.</summary>
/// <param name="Name">The check's name.</param>
/// <param name="Status">Healthy, Degraded, Unhealthy, or null before its first answer.</param>
/// <param name="Description">What it saw, e.g. <c>GET http://localhost:41234/health answered 404 Not Found</c>.</param>
public sealed record HealthCheckAnswer(string Name, string? Status, string? Description);

/// <summary>The whole environment's resource states (<see cref="StateFiles.Resources"/>).</summary>
public sealed record ResourcesReport
{
    /// <summary>When this report was written (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Every resource of the environment, in model order.</summary>
    public required IReadOnlyList<ResourceStatus> Resources { get; init; }
}

/// <summary>Why the environment could not become ready (<see cref="StateFiles.Failed"/>).</summary>
public sealed record FailureReport
{
    /// <summary>The resource that failed.</summary>
    public required string Resource { get; init; }

    /// <summary>Its last state (FailedToStart, Exited …).</summary>
    public required string State { get; init; }

    /// <summary>A one-line explanation.</summary>
    public required string Reason { get; init; }
}
