namespace PreviewSdk.Core.Profiles;

/// <summary>
/// A profile resolved for one environment: built-in defaults, then the profiles it extends, then its own settings,
/// merged. What the hosting layer applies (replicas, limits, variables, dependencies on or off) and what the budget
/// counts (limits times replicas) and the registry records (time to live).
/// </summary>
/// <param name="Name">The profile's name, e.g. <c>lightweight</c>.</param>
/// <param name="TimeToLive">How long an environment of this profile lives unless extended or kept.</param>
/// <param name="Services">Per service name; a service absent here runs with its <c>services:</c> settings.</param>
/// <param name="Dependencies">Per dependency name; a dependency absent here is on, local, scale 1.</param>
public sealed record EffectiveProfile(
    string Name,
    TimeSpan TimeToLive,
    IReadOnlyDictionary<string, ServiceProfile> Services,
    IReadOnlyDictionary<string, DependencyProfile> Dependencies)
{
    /// <summary>
    /// Whether the profile is lean: the built-in <c>lightweight</c> (refined or not) or a profile that <c>extends:</c>
    /// it, directly or through other profiles. Its processes get <see cref="LightweightRuntime.Settings"/>, its
    /// services export telemetry less often and its PostgreSQL is sized for a preview. <c>heavyweight</c>, profiles
    /// that extend it and profiles that extend nothing are not. Decided by <see cref="ProfileCatalog.Resolve"/>, and
    /// carried in the plan so <c>-t:Preview</c> knows it without reading preview.yaml again.
    /// </summary>
    public bool IsLean { get; init; }

    /// <summary>What happens when a resource stops after the environment was ready; <c>lightweight</c>'s unless set.</summary>
    public RestartPolicy Restart { get; init; } = RestartPolicy.Lightweight;

    /// <summary>Whether the dependency <paramref name="dependency"/> runs; false leaves it out of the environment.</summary>
    /// <param name="dependency">A dependency (server) name.</param>
    public bool IsEnabled(string dependency) =>
        !Dependencies.TryGetValue(dependency, out var settings) || settings.Enabled;

    /// <summary>The factor on the seeded row counts of the databases of <paramref name="dependency"/> (1 unless set).</summary>
    /// <param name="dependency">A dependency (server) name.</param>
    public double ScaleOf(string dependency) =>
        Dependencies.TryGetValue(dependency, out var settings) ? settings.Scale : 1;

    /// <summary>How the dependency <paramref name="dependency"/> runs: <c>local</c>, <c>container</c> or <c>auto</c> (<see cref="DependencyRuntimes"/>).</summary>
    /// <param name="dependency">A dependency (server) name.</param>
    public string RuntimeOf(string dependency) =>
        Dependencies.TryGetValue(dependency, out var settings) ? settings.Runtime : DependencyRuntimes.Local;

    /// <summary>Whether the service <paramref name="service"/> runs as a container built from its project.</summary>
    /// <param name="service">A service name.</param>
    public bool RunsAsContainer(string service) => ServiceOf(service)?.Runtime == DependencyRuntimes.Container;

    /// <summary>What the profile sets for the service <paramref name="service"/>, or null when it sets nothing.</summary>
    /// <param name="service">A service name.</param>
    public ServiceProfile? ServiceOf(string service) => Services.GetValueOrDefault(service);

    /// <summary>
    /// The host environment every service runs as (<c>ASPNETCORE_ENVIRONMENT</c>, <c>DOTNET_ENVIRONMENT</c>), or null
    /// for each service's launch profile's (Development when it names none).
    /// </summary>
    public string? EnvironmentName { get; init; }
}

/// <summary>What a profile sets for one service.</summary>
/// <param name="Replicas">Replicas, or null for the <c>services:</c> setting.</param>
/// <param name="Limits">CPU and memory limits per replica.</param>
/// <param name="Environment">Variables added to (or replacing) the service's <c>env:</c>, in file order.</param>
/// <param name="Features">Feature flags, passed as <c>FeatureManagement__&lt;name&gt;=true|false</c>.</param>
public sealed record ServiceProfile(
    int? Replicas,
    ResourceLimits Limits,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyList<KeyValuePair<string, bool>> Features)
{
    /// <summary>How the service runs: <c>local</c> (<c>dotnet run</c> of its project, the default) or <c>container</c> (an image built from it).</summary>
    public string Runtime { get; init; } = DependencyRuntimes.Local;
}

/// <summary>What a profile sets for one dependency.</summary>
/// <param name="Enabled">False leaves the dependency out: services that use it get no connection to it and use their in-process fallback.</param>
/// <param name="Runtime">How it runs: <c>local</c> (installed binaries), <c>container</c> or <c>auto</c> (<see cref="DependencyRuntimes"/>); its <c>dependencies:</c> entry's <c>runtime:</c> unless a profile sets one.</param>
/// <param name="Scale">A factor on the seeded row counts of its databases.</param>
public sealed record DependencyProfile(bool Enabled, string Runtime, double Scale)
{
    /// <summary>The CPU and memory limits of its container (<c>--cpus</c>, <c>--memory</c>); local binaries run without.</summary>
    public ResourceLimits Limits { get; init; } = ResourceLimits.None;
}
