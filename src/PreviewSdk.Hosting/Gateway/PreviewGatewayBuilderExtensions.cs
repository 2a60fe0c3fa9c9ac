using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

/// <summary>Adds the authenticating gateway through which every HTTP endpoint of the environment is shared.</summary>
public static class PreviewGatewayBuilderExtensions
{
    /// <summary>
    /// Adds the environment's gateway: a reverse proxy in the app host that routes
    /// <c>http://&lt;service&gt;.&lt;env&gt;.&lt;domain&gt;:&lt;port&gt;/</c> to each service with an HTTP endpoint and
    /// <c>dashboard.&lt;env&gt;…</c> to the Aspire dashboard, serves the links directory page at
    /// <c>&lt;env&gt;.&lt;domain&gt;</c>, and asks for the environment's access token. Its settings come from the
    /// variables <c>-t:Preview</c> sets (<c>PREVIEW_GATEWAY_*</c>); without them: <c>localhost</c>, the loopback, a free
    /// port, token authentication. Called by <see cref="PreviewEnvironmentBuilderExtensions.AddPreviewEnvironment"/>;
    /// calling it again does nothing.
    /// </summary>
    public static IResourceBuilder<PreviewGatewayResource> AddPreviewGateway(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Resources.OfType<PreviewGatewayResource>().FirstOrDefault() is { } existing)
        {
            return builder.CreateResourceBuilder(existing);
        }

        var resource = new PreviewGatewayResource(PreviewGatewayResource.DefaultName);
        builder.Services.AddSingleton<PreviewGatewayRunner>();
        builder.Services.AddSingleton<EnvironmentDirectory>();
        var gateway = builder.AddResource(resource)
            .WithIconName("ShieldLock")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "Gateway",
                State = KnownResourceStates.Starting,
                Properties = [],
            })
            .ExcludeFromManifest();
        builder.Eventing.Subscribe<BeforeStartEvent>(async (e, cancellationToken) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            await e.Services.GetRequiredService<PreviewGatewayRunner>().StartAsync(resource, stopping);
        });
        return gateway;
    }
}
