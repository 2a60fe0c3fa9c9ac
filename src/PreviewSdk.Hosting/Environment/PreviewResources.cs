using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Which resources of the model make up the environment a user waits for.</summary>
internal static class PreviewResources
{
    private const string DashboardResourceName = "aspire-dashboard";

    /// <summary>
    /// True for resources that run or are served (projects, executables, containers, databases); false for
    /// parameters and Aspire's own dashboard, which never report health the same way.
    /// </summary>
    public static bool IsRunnable(IResource resource) =>
        resource is not ParameterResource
        && resource is not ConnectionStringResource
        && resource.Name != DashboardResourceName;

    /// <summary>
    /// True when <paramref name="endpoint"/> of <paramref name="resource"/> speaks HTTP/2 only (cleartext, prior
    /// knowledge): <c>protocol: http2</c> in preview.yaml (the health check's annotation) or an endpoint marked with
    /// Aspire's <c>AsHttp2Service()</c>. The gateway forwards to it over HTTP/2 and the checks call it so.
    /// </summary>
    public static bool SpeaksHttp2Only(IResource resource, EndpointAnnotation endpoint) =>
        resource.Annotations.OfType<PreviewHealthAnnotation>().Any(health => health.Http2) || endpoint.Transport == "http2";
}
