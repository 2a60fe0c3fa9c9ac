namespace PreviewSdk.Core.Environments;

/// <summary>
/// Which resources kept an environment from becoming ready: those not ready that wait for nothing else not ready
/// (a service whose health check fails, a seeding waiting for migrations that do not come) are at fault; those only
/// waiting for them are not. Before, the timeout named the first resource not ready, which was often a seeding
/// that only waited for the unhealthy services.
/// </summary>
public sealed record TimeoutDiagnosis(IReadOnlyList<ResourceStatus> AtFault, IReadOnlyList<ResourceStatus> Waiting)
{
    /// <summary>Sorts the resources of <paramref name="report"/> that are not ready into those at fault and those waiting.</summary>
    public static TimeoutDiagnosis Of(ResourcesReport? report)
    {
        var resources = report?.Resources ?? [];
        var notReady = resources.Where(resource => !IsReady(resource)).ToDictionary(resource => resource.Name, StringComparer.Ordinal);
        var atFault = notReady.Values.Where(resource => !resource.WaitsFor.Any(notReady.ContainsKey)).ToList();
        if (atFault.Count == 0)
        {
            // Everyone waits for someone: a cycle. Then each of them is to blame.
            atFault = [.. notReady.Values];
        }

        return new TimeoutDiagnosis(atFault, notReady.Values.Except(atFault).ToList());
    }

    /// <summary>
    /// One line naming what is at fault and what waits for it, e.g. <c>'api' is Running, Unhealthy (GET … answered
    /// 404 Not Found); waiting for it: 'web', 'shopdb-seed'</c>.
    /// </summary>
    public string Describe()
    {
        if (AtFault.Count == 0)
        {
            return "the app host had not reported any resource yet";
        }

        var faults = string.Join("; ", AtFault.Select(Describe));
        return Waiting.Count == 0
            ? faults
            : $"{faults}; waiting for {(AtFault.Count == 1 ? "it" : "them")}: {string.Join(", ", Waiting.Select(resource => $"'{resource.Name}'"))}";
    }

    private static string Describe(ResourceStatus resource)
    {
        var state = resource.State ?? "not started";
        var health = resource.Health is { } status && status != "Healthy" ? $", {status}" : string.Empty;
        var answer = resource.HealthChecks.FirstOrDefault(check => check.Status != "Healthy" && check.Description is not null)?.Description;
        return $"'{resource.Name}' is {state}{health}{(answer is null ? string.Empty : $" ({answer})")}";
    }

    // Running and healthy; or a seeding (or any run-once resource) that finished well.
    private static bool IsReady(ResourceStatus resource) =>
        (resource.State == "Running" && (resource.Health == "Healthy" || (resource.Health is null && resource.HealthChecks.Count == 0)))
        || (resource.State == "Finished" && resource.ExitCode == 0);
}
