using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Planning;

/// <summary>
/// Checks the <c>profiles:</c> of preview.yaml against the environment: every profile, not only the one asked for,
/// because one build serves every profile (the app host picks it when it starts). Then resolves the profile the
/// build was asked for, which must exist.
/// </summary>
internal static class ProfilePlanChecker
{
    /// <summary>Reports unknown service and dependency names in every profile; returns <paramref name="profile"/> resolved, or null (reported when unknown).</summary>
    public static EffectiveProfile? Check(PreviewManifest manifest, EnvironmentPlan plan, string? profile, DiagnosticBag diagnostics)
    {
        var services = plan.Services.Select(s => s.Name).ToList();
        var dependencies = manifest.Dependencies.Select(d => d.Name.Value).ToList();
        foreach (var entry in manifest.Profiles)
        {
            foreach (var service in entry.Services.Where(s => !services.Contains(s.Service.Value, StringComparer.Ordinal)))
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownProfileService,
                    service.Service.Location,
                    entry.Name.Value,
                    service.Service.Value,
                    DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(service.Service.Value, services)),
                    DiagnosticFactory.NameList(services));
            }

            foreach (var dependency in entry.Dependencies.Where(d => !dependencies.Contains(d.Dependency.Value, StringComparer.Ordinal)))
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownProfileDependency,
                    dependency.Dependency.Location,
                    entry.Name.Value,
                    dependency.Dependency.Value,
                    DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(dependency.Dependency.Value, dependencies)),
                    DiagnosticFactory.NameList(dependencies));
            }
        }

        if (profile is null)
        {
            return null;
        }

        return ProfileCatalog.Resolve(manifest, profile) ?? ReportUnknown(manifest, profile, diagnostics);
    }

    private static EffectiveProfile? ReportUnknown(PreviewManifest manifest, string profile, DiagnosticBag diagnostics)
    {
        diagnostics.Add(ProfileCatalog.DescribeUnknown(manifest, profile));
        return null;
    }
}
