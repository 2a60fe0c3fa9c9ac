namespace PreviewSdk.Core.Environments;

/// <summary>
/// What the MSBuild layer records about a started environment (<see cref="StateFiles.Record"/>): enough for
/// <c>-t:PreviewList</c> to describe it and for <c>-t:PreviewDown</c> to stop every process it owns.
/// </summary>
public sealed record EnvironmentRecord
{
    /// <summary>The environment's name.</summary>
    public required string Name { get; init; }

    /// <summary>The app the environment runs (the preview project's app name).</summary>
    public required string App { get; init; }

    /// <summary>The profile it was started with.</summary>
    public required string Profile { get; init; }

    /// <summary>The id every process of this run inherits (<see cref="PreviewVariables.EnvironmentId"/>).</summary>
    public required string EnvironmentId { get; init; }

    /// <summary>Process id of the app host; 0 while the start is only reserved (<see cref="EnvironmentState.Starting"/>, not launched yet).</summary>
    public required int HostProcessId { get; init; }

    /// <summary>
    /// The app host's start time as the kernel counts it (<see cref="EnvironmentProcesses.StartTimeOf"/>), recorded by
    /// an app host that registered itself (F5, <c>dotnet run</c>): its own environment block cannot carry the id it
    /// chose after it started, so this tells it from a later process that reuses its id. Null for <c>-t:Preview</c>'s.
    /// </summary>
    public long? HostStartTime { get; init; }

    /// <summary>When the app host was started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Who started it (the git user name, else the OS user).</summary>
    public string? Owner { get; init; }

    /// <summary>The git branch it was started from, if any.</summary>
    public string? Branch { get; init; }

    /// <summary>The commit checked out when it was started (the full hash), if any.</summary>
    public string? Commit { get; init; }

    /// <summary>Whether its gateway asks for the access token; <see cref="Sharing.GatewayAuth.Token"/> for records written before the gateway.</summary>
    public Sharing.GatewayAuth Auth { get; init; } = Sharing.GatewayAuth.Token;

    /// <summary>The address its gateway listens on (<c>PreviewBindAddress</c>); null for records written before the gateway.</summary>
    public string? GatewayBindAddress { get; init; }

    /// <summary>The preview project that defines it.</summary>
    public string? ProjectPath { get; init; }

    /// <summary>The dashboard's address (without the login token).</summary>
    public required string DashboardUrl { get; init; }

    /// <summary>
    /// Where the environment is in its life as recorded here: <see cref="EnvironmentState.Starting"/> from the
    /// budget reservation until the app host is launched, then <see cref="EnvironmentState.Running"/>, and
    /// <see cref="EnvironmentState.Expired"/> once its app host stopped itself at <see cref="ExpiresAt"/>.
    /// </summary>
    public EnvironmentState State { get; init; } = EnvironmentState.Running;

    /// <summary>The team whose budget the environment counts against, or null when it has none.</summary>
    public string? Team { get; init; }

    /// <summary>The CPUs it counts against its team's budget: the sum of its services' CPU limits times replicas.</summary>
    public double? Cpus { get; init; }

    /// <summary>The bytes of memory it counts against its team's budget: the sum of its services' memory limits times replicas.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>When the environment stops itself (UTC); null when it is kept (<see cref="Keep"/>).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>True when it is exempt from expiry (<c>-p:PreviewKeep=true</c>); it still counts against its budget.</summary>
    public bool Keep { get; init; }

    /// <summary>The profile's time to live, which <c>-t:PreviewExtend</c> grants again when no <c>PreviewTtl</c> is given.</summary>
    public TimeSpan? DefaultTimeToLive { get; init; }

    /// <summary>
    /// The environment's own temp folder (<see cref="EnvironmentTemp"/>), the <c>TMPDIR</c> of all its processes;
    /// deleted with the state folder. Null in records written before it existed.
    /// </summary>
    public string? TempDirectory { get; init; }

    /// <summary>
    /// The container engine its containers run on (<c>unix:///run/podman/podman.sock</c>), or null when nothing of it
    /// runs in a container: where every teardown looks for what is labelled with its <see cref="EnvironmentId"/>.
    /// </summary>
    public string? ContainerEngine { get; init; }

    /// <summary>True when the environment has a time to live and it has passed at <paramref name="now"/>.</summary>
    public bool HasExpired(DateTimeOffset now) => !Keep && ExpiresAt is { } expiresAt && expiresAt <= now;
}

/// <summary>The states an environment's record can be in (<see cref="EnvironmentRecord.State"/>).</summary>
public enum EnvironmentState
{
    /// <summary>A build reserved the environment's place in its budget and is launching its app host.</summary>
    Starting,

    /// <summary>Its app host was launched; whether it is up, degraded or gone is told by the state files and its processes.</summary>
    Running,

    /// <summary>Its time to live passed and its app host stopped itself; the next command removes what is left.</summary>
    Expired,
}
