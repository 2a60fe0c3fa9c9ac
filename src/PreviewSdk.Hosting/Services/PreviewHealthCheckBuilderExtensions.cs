using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>Readiness probes of preview services.</summary>
public static class PreviewHealthCheckBuilderExtensions
{
    /// <summary>
    /// Probes <paramref name="path"/> on the service's <c>http</c> endpoint: healthy while it answers 2xx. Each answer
    /// (URL, status, or why there was none) is the check's description, so the dashboard and a timeout error show
    /// it. With <paramref name="http2"/> the probe speaks HTTP/2 (prior knowledge), for endpoints that speak
    /// nothing else; otherwise it speaks HTTP/1.1 and switches to HTTP/2 when the endpoint answers no HTTP/1.1.
    /// </summary>
    public static IResourceBuilder<T> WithPreviewHealthCheck<T>(this IResourceBuilder<T> service, string path, bool http2 = false)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var endpoint = service.GetEndpoint("http");
        var key = $"{service.Resource.Name}_preview_health";
        service.ApplicationBuilder.Services.TryAddSingleton<ServiceHealthStates>();
        service.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, provider => new PreviewHttpHealthCheck(endpoint, path, http2, provider.GetRequiredService<ServiceHealthStates>()), failureStatus: null, tags: null));
        service.WithAnnotation(new PreviewHealthAnnotation(path, http2), ResourceAnnotationMutationBehavior.Replace);
        return service.WithHealthCheck(key);
    }
}

/// <summary>The readiness probe of a preview service: its path and whether it speaks HTTP/2 only.</summary>
/// <param name="Path">The health path, e.g. <c>/health</c>.</param>
/// <param name="Http2">The endpoint speaks HTTP/2 only.</param>
public sealed record PreviewHealthAnnotation(string Path, bool Http2) : IResourceAnnotation;
