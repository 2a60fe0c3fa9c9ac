namespace PreviewSdk.Core.Containers;

/// <summary>
/// Where a container engine may answer, in the order Docker clients look: <c>DOCKER_HOST</c> when set (and then
/// only there, as the Docker CLI does), else the Docker socket, the rootful Podman socket and the user's rootless
/// Podman socket.
/// </summary>
public static class ContainerEngineEndpoints
{
    /// <summary>The variable Docker clients (and Aspire's orchestrator) read the engine's address from.</summary>
    public const string DockerHostVariable = "DOCKER_HOST";

    /// <summary>The candidates for this process's environment.</summary>
    /// <param name="variable">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    public static IReadOnlyList<string> Candidates(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        if (variable(DockerHostVariable) is { Length: > 0 } dockerHost)
        {
            return [dockerHost];
        }

        var runtimeDirectory = variable("XDG_RUNTIME_DIR") is { Length: > 0 } xdg ? xdg : $"/run/user/{UserId()}";
        return
        [
            "unix:///var/run/docker.sock",
            "unix:///run/podman/podman.sock",
            $"unix://{runtimeDirectory}/podman/podman.sock",
        ];
    }

    /// <summary>The file of a <c>unix://</c> endpoint; null for other schemes.</summary>
    public static string? SocketPath(string endpoint) =>
        endpoint.StartsWith("unix://", StringComparison.Ordinal) ? endpoint["unix://".Length..] : null;

    private static string UserId() =>
        OperatingSystem.IsWindows() ? "0" : (File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "0"
            : "0");
}
