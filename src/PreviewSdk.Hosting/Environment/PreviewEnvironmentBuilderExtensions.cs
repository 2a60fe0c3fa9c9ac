using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

/// <summary>Registers what makes an Aspire app host a preview environment.</summary>
public static class PreviewEnvironmentBuilderExtensions
{
    /// <summary>
    /// Adds the environment's gateway (<see cref="PreviewGatewayBuilderExtensions.AddPreviewGateway"/>) and reports the
    /// environment's resources, their logs, and its readiness and links into the state folder of
    /// <paramref name="runtime"/> (by default the one named by <c>PREVIEW_STATE_DIR</c>), where <c>-t:Preview</c>
    /// waits for them, restarts the services a repeated <c>-t:Preview</c> rebuilt, restarts what stops once it is ready (the profile's restart policy), keeps dependents' health
    /// in step with their dependencies, and stops the environment when its time to live passes. Call it once;
    /// <see cref="PreviewApplication.CreateBuilder"/> already does.
    /// </summary>
    public static IDistributedApplicationBuilder AddPreviewEnvironment(this IDistributedApplicationBuilder builder, PreviewRuntime? runtime = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(service => service.ServiceType == typeof(PreviewRuntime)))
        {
            return builder;
        }

        runtime ??= PreviewRuntime.FromEnvironment();
        builder.Services.AddSingleton(runtime);
        builder.Services.AddSingleton<EnvironmentReadiness>();
        builder.Services.AddSingleton<PreviewStateReporter>();
        builder.Services.AddSingleton<ResourceLogRecorder>();
        ResourceLimitsBuilderExtensions.AddLimitsEnforcement(builder);
        builder.Services.AddSingleton<ExpiryWatcher>();
        builder.AddPreviewGateway();
        builder.Services.AddSingleton<RestartSupervisor>();
        builder.Services.AddSingleton<DependencyHealth>();
        builder.Services.AddSingleton<ParentWatcher>();
        builder.Services.AddSingleton<RestartRequestWatcher>();

        // Not hosted services: Aspire's orchestrator starts the resources inside its own StartAsync, and hosted
        // services registered after it would only start once every resource has started, too late to report.
        builder.Eventing.Subscribe<BeforeStartEvent>((e, cancellationToken) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = e.Services.GetRequiredService<PreviewStateReporter>().RunAsync(stopping);
            _ = e.Services.GetRequiredService<ResourceLogRecorder>().RunAsync(stopping);
            _ = e.Services.GetRequiredService<ExpiryWatcher>().RunAsync(stopping);
            _ = e.Services.GetRequiredService<RestartSupervisor>().RunAsync(stopping);
            _ = e.Services.GetRequiredService<DependencyHealth>().RunAsync(stopping);
            if (runtime.IsDetached)
            {
                _ = e.Services.GetRequiredService<RestartRequestWatcher>().RunAsync(stopping);
            }
            else
            {
                _ = e.Services.GetRequiredService<ParentWatcher>().RunAsync(stopping);
            }

            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>The environment's identity registered by <see cref="AddPreviewEnvironment"/>, or read from the process.</summary>
    internal static PreviewRuntime GetPreviewRuntime(this IDistributedApplicationBuilder builder)
    {
        var registered = builder.Services.LastOrDefault(service => service.ServiceType == typeof(PreviewRuntime));
        return registered?.ImplementationInstance as PreviewRuntime ?? PreviewRuntime.FromEnvironment();
    }
}
