namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A service run as a container of the image <c>dotnet publish -t:PublishContainer</c> built from its project.
/// Other services reach it through service discovery, as they reach a service run from its project.
/// </summary>
/// <param name="name">The service's name.</param>
public sealed class PreviewServiceContainerResource(string name) : ContainerResource(name), IResourceWithServiceDiscovery
{
    /// <summary>The port the service listens on inside its container (<c>ASPNETCORE_URLS</c>).</summary>
    public const int HttpPort = 8080;
}
