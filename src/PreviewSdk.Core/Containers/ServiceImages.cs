using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Containers;

/// <summary>
/// Builds the container image of a service that a profile runs as a container, with the .NET SDK's own container
/// support (<c>dotnet publish -t:PublishContainer</c>: no Dockerfile), into the local engine. The image is named
/// after the app, the service and the environment, so each environment runs what its own start built.
/// </summary>
public static class ServiceImages
{
    /// <summary>The repository of a service's image: <c>previewsdk/&lt;app&gt;-&lt;service&gt;</c>.</summary>
    public static string RepositoryOf(string app, string service) => $"previewsdk/{app}-{service}";

    /// <summary>
    /// The image the engine holds once built: Podman files an image loaded without registry under <c>localhost/</c>,
    /// Docker under <c>docker.io/</c>.
    /// </summary>
    public static string ImageOf(ContainerEngine engine, string app, string service, string environmentName)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return $"{(engine.IsPodman ? "localhost" : ImageReference.DefaultRegistry)}/{RepositoryOf(app, service)}:{environmentName}";
    }

    /// <summary>The services <paramref name="plan"/>'s profile runs as containers, each with its image.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Planned(EnvironmentPlan plan, ContainerEngine? engine, string environmentName)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var services = plan.Services.Where(service => plan.Profile?.RunsAsContainer(service.Name) == true).ToList();
        // Without an engine the names do not matter: the resolver refuses the start (PREVIEW3030) before any build.
        return services.Select(service => KeyValuePair.Create(service.Name,
            engine is null ? $"{RepositoryOf(plan.AppName, service.Name)}:{environmentName}" : ImageOf(engine, plan.AppName, service.Name, environmentName))).ToList();
    }

    /// <summary>
    /// Publishes <paramref name="service"/> into the engine as <paramref name="image"/>; null when it worked, else
    /// PREVIEW3035 with the publish output's last lines.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="image">The full image name, from <see cref="ImageOf"/>.</param>
    /// <param name="engine">The engine to load it into.</param>
    /// <param name="baseImage"><c>PreviewContainerBaseImage</c>, or null for the SDK's default (Microsoft's ASP.NET Core runtime image).</param>
    /// <param name="dotnetHost">The dotnet executable.</param>
    /// <param name="location">Where the error points.</param>
    /// <param name="cancellationToken">Kills the publish.</param>
    public static async Task<PreviewDiagnostic?> BuildAsync(
        ServicePlan service, string image, ContainerEngine engine, string? baseImage, string dotnetHost, SourceLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(engine);
        ImageReference.TryParse(image, out var reference);
        List<string> arguments =
        [
            "publish", service.ProjectPath, "-t:PublishContainer", "-nologo", "-v:q", "-p:PublishProfile=",
            $"-p:ContainerRepository={reference.Repository}", $"-p:ContainerImageTag={reference.Tag}",
            $"-p:LocalRegistry={(engine.IsPodman ? "Podman" : "Docker")}",
        ];
        if (!string.IsNullOrEmpty(baseImage))
        {
            arguments.Add($"-p:ContainerBaseImage={baseImage}");
        }

        var result = await ExternalProgram.RunAsync(dotnetHost, arguments, Path.GetDirectoryName(service.ProjectPath), cancellationToken,
            new Dictionary<string, string> { [ContainerEngineEndpoints.DockerHostVariable] = engine.Endpoint });
        return result.Succeeded
            ? null
            : DiagnosticFactory.Create(DiagnosticCodes.ServiceImageBuildFailed, location, service.Name, result.ExitCode) with { Details = result.LastLines(20) };
    }
}
