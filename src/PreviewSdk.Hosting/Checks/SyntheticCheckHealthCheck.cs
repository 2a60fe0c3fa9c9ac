using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>
/// The health of a service as one of its synthetic checks last found it. It runs nothing itself: Aspire polls health
/// checks every few seconds, a check runs at its own interval (<see cref="SyntheticCheckScheduler"/>).
/// </summary>
internal sealed class SyntheticCheckHealthCheck(SyntheticCheckScheduler scheduler, string key) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(scheduler.Latest(key) switch
        {
            null => HealthCheckResult.Healthy("Not run yet: checks start once the environment is ready."),
            { Passed: true } result => HealthCheckResult.Healthy(result.Describe()),
            var result => HealthCheckResult.Unhealthy(result.Describe()),
        });
}
