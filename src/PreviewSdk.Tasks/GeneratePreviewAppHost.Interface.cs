using Microsoft.Build.Framework;

namespace PreviewSdk.Tasks;

/// <summary>
/// Reads preview.yaml and the preview project's service references, validates them (PREVIEW1xxx) and writes the
/// app host's generated C# and the plan into the intermediate folder, touching files only when their text changes.
/// </summary>
public sealed partial class GeneratePreviewAppHost
{
    /// <summary>The preview.yaml to read.</summary>
    [Required]
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>The preview project file (diagnostics about ProjectReferences point into it).</summary>
    [Required]
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>The app name when preview.yaml sets none (the project name).</summary>
    [Required]
    public string DefaultAppName { get; set; } = string.Empty;

    /// <summary>
    /// The referenced projects, each with metadata <c>OutputType</c> and <c>IsWeb</c> (true for
    /// Microsoft.NET.Sdk.Web projects), as the ResolvePreviewServices target collects them.
    /// </summary>
    public ITaskItem[] ServiceProjects { get; set; } = [];

    /// <summary>Folder for the generated files (under IntermediateOutputPath).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Whether to generate the entry point too; false when the project has its own Program.</summary>
    public bool GenerateEntryPoint { get; set; } = true;

    /// <summary>
    /// The profile the build is for (PreviewProfile; empty for <c>lightweight</c>): it must exist (PREVIEW1030) and is
    /// recorded in the plan. The generated code does not depend on it.
    /// </summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>
    /// The project's Properties/launchSettings.json, written with one launch profile per preview profile unless it was
    /// edited; empty to leave it alone (PreviewGenerateLaunchSettings=false).
    /// </summary>
    public string LaunchSettingsPath { get; set; } = string.Empty;

    /// <summary>The SDK's version, stamped into [GeneratedCode].</summary>
    public string SdkVersion { get; set; } = "0.0.0";

    /// <summary>The generated C# files, to add to Compile.</summary>
    [Output]
    public ITaskItem[] GeneratedFiles { get; private set; } = [];

    /// <summary>The plan as JSON, for the targets that start and stop the environment.</summary>
    [Output]
    public string PlanFile { get; private set; } = string.Empty;
}
