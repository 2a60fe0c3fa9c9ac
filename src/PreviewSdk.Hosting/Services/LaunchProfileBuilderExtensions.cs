using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.LaunchSettings;

namespace Aspire.Hosting;

/// <summary>Gives a preview service the variables of its launch profile, without the profile's addresses.</summary>
public static class LaunchProfileBuilderExtensions
{
    /// <summary>
    /// Gives the service the <c>environmentVariables</c> of its launch profile (<c>Properties/launchSettings.json</c>:
    /// the profile named <paramref name="profileName"/>, by default the first <c>Project</c> profile, as
    /// <c>dotnet run</c> chooses), without its URLs and ports, which stay the environment's. The environment name
    /// goes into both <c>ASPNETCORE_ENVIRONMENT</c> and <c>DOTNET_ENVIRONMENT</c>: the profile's, else
    /// <c>Development</c>, which is what F5 gives the service and what the Aspire templates' health endpoints need.
    /// Call it before the service's own variables, which override these.
    /// </summary>
    /// <exception cref="DistributedApplicationException">A profile named <paramref name="profileName"/> does not exist.</exception>
    public static IResourceBuilder<ProjectResource> WithLaunchProfileEnvironment(this IResourceBuilder<ProjectResource> service, string? profileName = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        var projectPath = service.Resource.GetProjectMetadata().ProjectPath;
        var profile = LaunchSettingsReader.Choose(projectPath, profileName)
            ?? throw new DistributedApplicationException($"The launch profile '{profileName}' of '{service.Resource.Name}' does not exist in {LaunchSettingsReader.PathOf(projectPath)}.");
        foreach (var (name, value) in profile.PreviewVariables())
        {
            service.WithEnvironment(name, value);
        }

        return service;
    }
}
