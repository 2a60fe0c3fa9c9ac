using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Planning;

/// <summary>
/// The entry point of planning: reads preview.yaml, checks it against the preview project's ProjectReferences
/// and returns either a validated <see cref="EnvironmentPlan"/> or the diagnostics that explain why not.
/// It never throws for anything a user can write or do to the files.
/// </summary>
public static class PreviewPlanner
{
    /// <summary>The health check path of a web service that does not set <c>health:</c>.</summary>
    public const string DefaultHealthPath = "/health";

    /// <summary>Plans an environment from a preview.yaml on disk.</summary>
    /// <param name="manifestPath">The path of preview.yaml.</param>
    /// <param name="previewProjectPath">The preview project file; errors about ProjectReferences point into it.</param>
    /// <param name="defaultAppName">The app name when preview.yaml sets none, usually the preview project's name.</param>
    /// <param name="projects">The ProjectReferences, in the order the preview project lists them.</param>
    /// <param name="profile">The profile the build is for (<c>PreviewProfile</c>), which must exist; null checks every profile but resolves none.</param>
    public static PlanResult Plan(
        string manifestPath, string previewProjectPath, string defaultAppName, IReadOnlyList<ServiceProject> projects, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(manifestPath);
        ArgumentNullException.ThrowIfNull(previewProjectPath);
        ArgumentNullException.ThrowIfNull(defaultAppName);
        ArgumentNullException.ThrowIfNull(projects);

        try
        {
            var manifest = ManifestReader.ReadFile(manifestPath, missingAt: SourceLocation.WholeFile(previewProjectPath));
            return Plan(manifest, previewProjectPath, defaultAppName, projects, profile);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A bug must not surface as an MSBuild task crash with a stack trace and no hint of what to do.
            return Failed(DiagnosticFactory.Create(
                DiagnosticCodes.UnexpectedError,
                SourceLocation.WholeFile(manifestPath),
                DiagnosticFactory.Format("Text.Activity.Planning"),
                $"{exception.GetType().Name}: {exception.Message}"));
        }
    }

    /// <summary>Plans an environment from an already read preview.yaml (the manifest path comes from it).</summary>
    /// <param name="manifest">The result of <see cref="ManifestReader.Read"/>.</param>
    /// <param name="previewProjectPath">The preview project file; errors about ProjectReferences point into it.</param>
    /// <param name="defaultAppName">The app name when preview.yaml sets none.</param>
    /// <param name="projects">The ProjectReferences, in the order the preview project lists them.</param>
    /// <param name="profile">The profile the build is for (<c>PreviewProfile</c>), which must exist; null checks every profile but resolves none.</param>
    public static PlanResult Plan(
        ManifestReadResult manifest, string previewProjectPath, string defaultAppName, IReadOnlyList<ServiceProject> projects, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(previewProjectPath);
        ArgumentNullException.ThrowIfNull(defaultAppName);
        ArgumentNullException.ThrowIfNull(projects);

        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(manifest.Diagnostics);
        if (manifest.Manifest is null)
        {
            // Invalid YAML: checking names against projects would only add noise about a file that did not parse.
            return new PlanResult(null, diagnostics.ToSortedList());
        }

        var plan = new EnvironmentPlanBuilder(manifest.Manifest, previewProjectPath, projects, diagnostics).Build(defaultAppName);
        plan = plan with
        {
            Profile = ProfilePlanChecker.Check(manifest.Manifest, plan, profile, diagnostics),
            CheckedServices = CheckPlanChecker.Check(manifest.Manifest, plan, diagnostics),
            ProfileNames = Profiles.ProfileCatalog.Names(manifest.Manifest),
        };
        return new PlanResult(diagnostics.HasErrors ? null : plan, diagnostics.ToSortedList());
    }

    private static PlanResult Failed(PreviewDiagnostic diagnostic) => new(null, [diagnostic]);
}
