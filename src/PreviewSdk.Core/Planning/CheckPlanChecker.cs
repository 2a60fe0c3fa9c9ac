using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Planning;

/// <summary>
/// Checks <c>checks:</c> against the environment's services: each names a service (PREVIEW1127) that serves HTTP
/// (PREVIEW1126), because a check is a request to that service's endpoint.
/// </summary>
internal static class CheckPlanChecker
{
    /// <summary>Reports the checks' unknown or non-web services; returns the names of the services with checks, in plan order.</summary>
    public static IReadOnlyList<string> Check(PreviewManifest manifest, EnvironmentPlan plan, DiagnosticBag diagnostics)
    {
        var services = plan.Services.Select(s => s.Name).ToList();
        // One report per service key, not per check under it.
        foreach (var check in manifest.Checks.DistinctBy(c => c.Service.Location))
        {
            var service = plan.Services.FirstOrDefault(s => s.Name == check.Service.Value);
            if (service is null)
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownCheckService,
                    check.Service.Location,
                    check.Service.Value,
                    DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(check.Service.Value, services)),
                    DiagnosticFactory.NameList(services));
            }
            else if (!service.IsWeb)
            {
                diagnostics.Error(DiagnosticCodes.CheckServiceWithoutHttp, check.Service.Location, service.Name, Path.GetFileName(service.ProjectPath));
            }
        }

        return plan.Services
            .Where(service => service.IsWeb && manifest.Checks.Any(check => check.Service.Value == service.Name))
            .Select(service => service.Name)
            .ToList();
    }
}
