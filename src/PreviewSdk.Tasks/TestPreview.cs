using Microsoft.Build.Framework;
using PreviewSdk.Observability.Checks;

namespace PreviewSdk.Tasks;

/// <summary>
/// Runs every check of preview.yaml once against the running environment (<c>-t:PreviewTest</c>): one coded error
/// per failing check, and a JUnit report beside the environment's links.json. Builds nothing.
/// </summary>
public sealed class TestPreview : RunningEnvironmentTask
{
    /// <summary>preview.yaml.</summary>
    [Required]
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>The JUnit report written (also when checks failed); empty when none was.</summary>
    [Output]
    public string ReportPath { get; private set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        if (ReadManifest(ManifestPath) is not { } manifest)
        {
            return false;
        }

        var request = new PreviewTestRun.Request(StateRootPath, ProjectPath, EnvironmentName, manifest);
        ReportPath = new PreviewTestRun(this).RunAsync(request, cancellationToken).GetAwaiter().GetResult() ?? string.Empty;
        return ReportPath.Length > 0;
    }
}
