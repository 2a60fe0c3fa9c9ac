using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using PreviewSdk.Core.Manifest;

namespace Aspire.Hosting;

/// <summary>Synthetic HTTP checks of a service: run on schedule inside the environment, shown as its health.</summary>
public static class SyntheticCheckBuilderExtensions
{
    /// <summary>The name of the dashboard command that runs a service's checks at once.</summary>
    public const string RunChecksCommand = "preview-run-checks";

    /// <summary>The dashboard property of a service with checks: how many pass, e.g. <c>3 of 4 passing</c>.</summary>
    public const string ChecksProperty = "preview.checks";

    /// <summary>
    /// Adds the checks preview.yaml's <c>checks.&lt;service&gt;</c> declares for this service
    /// (<see cref="WithSyntheticCheck{T}"/> each). Read when the app host starts, like <c>seed:</c>.
    /// </summary>
    /// <param name="service">A service with an HTTP endpoint.</param>
    /// <param name="manifestPath">preview.yaml, relative to the app host's folder unless absolute.</param>
    /// <exception cref="DistributedApplicationException">preview.yaml has an error.</exception>
    public static IResourceBuilder<T> WithSyntheticChecks<T>(this IResourceBuilder<T> service, string manifestPath = "preview.yaml")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        var manifest = PreviewManifestFile.Read(PreviewManifestFile.Resolve(service.ApplicationBuilder, manifestPath));
        foreach (var check in manifest.Checks.Where(check => check.Service.Value == service.Resource.Name))
        {
            service.WithSyntheticCheck(check);
        }

        return service;
    }

    /// <summary>
    /// Runs <paramref name="check"/> against the service's first HTTP endpoint, first once the environment is ready,
    /// then every <see cref="CheckEntry.Interval"/>. Its last result is the service's health check
    /// <c>check:&lt;service&gt;/&lt;name&gt;</c> (a failing check makes the service unhealthy, red in the dashboard,
    /// which raises an alert); the service gets the dashboard command Run checks.
    /// </summary>
    /// <param name="service">A service with an HTTP endpoint.</param>
    /// <param name="check">The check, e.g. <c>CheckEntry.Create("shop-api", "products", "/products") with { MaxLatency = … }</c>.</param>
    /// <exception cref="ArgumentException">The service already has a check of that name.</exception>
    public static IResourceBuilder<T> WithSyntheticCheck<T>(this IResourceBuilder<T> service, CheckEntry check)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(check);
        var builder = service.ApplicationBuilder;
        var key = $"check:{service.Resource.Name}/{check.Name.Value}";
        var existing = service.Resource.Annotations.OfType<PreviewCheckAnnotation>().ToList();
        if (existing.Any(annotation => annotation.HealthCheckKey == key))
        {
            throw new ArgumentException($"'{service.Resource.Name}' already has a check named '{check.Name.Value}'.", nameof(check));
        }

        builder.AddPreviewEnvironment();
        AddScheduler(builder);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key, services => new SyntheticCheckHealthCheck(services.GetRequiredService<SyntheticCheckScheduler>(), key), HealthStatus.Unhealthy, tags: null));
        service.WithAnnotation(new PreviewCheckAnnotation(check, key)).WithHealthCheck(key);
        if (existing.Count == 0)
        {
            service.WithCommand(RunChecksCommand, "Run checks", context => RunChecksAsync(service.Resource, context), new CommandOptions
            {
                Description = "Runs this service's synthetic checks now and shows what they found.",
                IconName = "Stethoscope",
                UpdateState = context => context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            });
        }

        return service;
    }

    private static async Task<ExecuteCommandResult> RunChecksAsync(IResource resource, ExecuteCommandContext context)
    {
        var results = await context.Services.GetRequiredService<SyntheticCheckScheduler>().RunNowAsync(resource, context.CancellationToken);
        return Outcome(results);
    }

    /// <summary>The dashboard's answer to a run of checks: how many passed, and each failure.</summary>
    internal static ExecuteCommandResult Outcome(IReadOnlyList<PreviewSdk.Observability.Checks.CheckResult> results)
    {
        var failed = results.Where(result => !result.Passed).ToList();
        return failed.Count == 0
            ? CommandResults.Success($"{results.Count} of {results.Count} checks passed.")
            : CommandResults.Failure($"{failed.Count} of {results.Count} checks failed: {string.Join(" ", failed.Select(result => result.Describe()))}");
    }

    private static void AddScheduler(IDistributedApplicationBuilder builder)
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(SyntheticCheckScheduler)))
        {
            return;
        }

        builder.Services.AddSingleton<SyntheticCheckScheduler>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, cancellationToken) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = e.Services.GetRequiredService<SyntheticCheckScheduler>().RunAsync(stopping);
            return Task.CompletedTask;
        });
    }
}
