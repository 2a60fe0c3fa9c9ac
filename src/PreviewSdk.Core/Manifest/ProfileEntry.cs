namespace PreviewSdk.Core.Manifest;

/// <summary>
/// One entry of <c>profiles:</c>: how an environment of that profile differs from the <c>services:</c> and
/// <c>dependencies:</c> settings. Shaped and type-checked here; whether the services and dependencies it names
/// exist is checked by the planner, and how it merges with what it extends by <c>ProfileCatalog</c>.
/// </summary>
/// <param name="Name">The key: the profile's name, chosen with <c>-p:PreviewProfile=</c>.</param>
/// <param name="Extends">The <c>extends:</c> profile whose settings this one starts from, or null.</param>
/// <param name="TimeToLive">The <c>ttl:</c>, or null to keep the inherited one.</param>
/// <param name="Services">The <c>services:</c> settings, in file order.</param>
/// <param name="Dependencies">The <c>dependencies:</c> settings, in file order.</param>
public sealed record ProfileEntry(
    Located<string> Name,
    Located<string>? Extends,
    Located<TimeSpan>? TimeToLive,
    IReadOnlyList<ServiceProfileEntry> Services,
    IReadOnlyList<DependencyProfileEntry> Dependencies)
{
    /// <summary>The <c>restart:</c> settings, or null to keep the inherited policy.</summary>
    public RestartEntry? Restart { get; init; }

    /// <summary>
    /// The <c>environment:</c> its services run as (<c>ASPNETCORE_ENVIRONMENT</c> and <c>DOTNET_ENVIRONMENT</c>), or
    /// null to keep each service's launch profile's (Development by default).
    /// </summary>
    public Located<string>? EnvironmentName { get; init; }
}

/// <summary>What a profile sets for one service; null means "as inherited".</summary>
/// <param name="Service">The key: a service name.</param>
/// <param name="Replicas">The <c>replicas:</c>, or null.</param>
/// <param name="Cpus">The <c>cpu:</c> limit per replica, in CPUs, or null.</param>
/// <param name="MemoryBytes">The <c>memory:</c> limit per replica, in bytes, or null.</param>
/// <param name="Environment">The <c>env:</c> variables, in file order.</param>
/// <param name="Features">The <c>features:</c> flags, in file order.</param>
public sealed record ServiceProfileEntry(
    Located<string> Service,
    Located<int>? Replicas,
    Located<double>? Cpus,
    Located<long>? MemoryBytes,
    IReadOnlyList<EnvironmentVariableEntry> Environment,
    IReadOnlyList<FeatureFlagEntry> Features)
{
    /// <summary>The <c>runtime:</c> (<c>local</c> or <c>container</c>), or null.</summary>
    public Located<string>? Runtime { get; init; }
}

/// <summary>One <c>features:</c> flag of a service in a profile.</summary>
/// <param name="Name">The feature's name.</param>
/// <param name="Enabled">Whether it is on.</param>
public sealed record FeatureFlagEntry(Located<string> Name, bool Enabled);

/// <summary>What a profile sets for one dependency; null means "as inherited".</summary>
/// <param name="Dependency">The key: a dependency (server) name.</param>
/// <param name="Enabled">The <c>enabled:</c> switch, or null.</param>
/// <param name="Runtime">The <c>runtime:</c>, or null.</param>
/// <param name="Scale">The <c>scale:</c> factor on its databases' seeded rows, or null.</param>
public sealed record DependencyProfileEntry(
    Located<string> Dependency,
    Located<bool>? Enabled,
    Located<string>? Runtime,
    Located<double>? Scale)
{
    /// <summary>The <c>cpu:</c> limit of its container, in CPUs, or null.</summary>
    public Located<double>? Cpus { get; init; }

    /// <summary>The <c>memory:</c> limit of its container, in bytes, or null.</summary>
    public Located<long>? MemoryBytes { get; init; }
}
