namespace PreviewSdk.Core.Containers;

/// <summary>
/// The variables through which the build hands its container decisions to the app host (and, through it, to
/// Aspire's orchestrator): which engine, which runtime per resource, which registry.
/// </summary>
public static class ContainerVariables
{
    /// <summary>The variable that makes Aspire's orchestrator run containers with <c>docker</c> or <c>podman</c>.</summary>
    public const string AspireContainerRuntime = "ASPIRE_CONTAINER_RUNTIME";

    /// <summary>Adds (or, when nothing runs in a container, leaves out) the variables for <paramref name="runtimes"/>.</summary>
    public static void Add(IDictionary<string, string?> variables, RuntimeDecisions runtimes, string? registry)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(runtimes);
        variables[RuntimeDecisions.Variable] = runtimes.Serialize();
        variables[RuntimeDecisions.RegistryVariable] = string.IsNullOrEmpty(registry) ? null : registry;
        if (runtimes.Engine is { } engine)
        {
            // The orchestrator drives the engine's command-line tool, which reads DOCKER_HOST (Podman's reads
            // CONTAINER_HOST, but as root it finds the same storage by itself).
            variables[ContainerEngineEndpoints.DockerHostVariable] = engine.Endpoint;
            variables[AspireContainerRuntime] = engine.AspireRuntime;
        }
    }
}
