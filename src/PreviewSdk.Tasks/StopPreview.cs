using Microsoft.Build.Framework;
using PreviewSdk.Core.Environments;
using PreviewSdk.Publishing.Context;
using PreviewSdk.Publishing.Runs;

namespace PreviewSdk.Tasks;

/// <summary>
/// Stops an environment and deletes its state: asks the app host to shut down, then stops every process that
/// carries the environment's id (also after the app host was killed). Leaves no process, port, lock or data
/// behind. Needs no valid preview.yaml: the environment is found by its recorded project and name. Then marks the
/// environment's pull request comment as down, from what <c>-t:Preview</c> recorded.
/// </summary>
public sealed class StopPreview : PreviewTask
{
    /// <summary>The preview project file.</summary>
    [Required]
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>The environment's name; empty for the git branch.</summary>
    public string PreviewName { get; set; } = string.Empty;

    /// <summary>The registry root; empty for the default.</summary>
    public string StateRoot { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var name = EnvironmentNames.Resolve(PreviewName, Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!);
        var stateRoot = Core.Environments.StateRoot.Resolve(StateRoot);
        if (!new PreviewLifecycle(this).Down(stateRoot, ProjectPath, name))
        {
            return false;
        }

        // Also when nothing was running: an environment that expired left its comment showing links.
        new EnvironmentPublisher(this).PublishDown(PublishingContextResolver.ForStop(Environment.GetEnvironmentVariable), stateRoot, ProjectPath, name, cancellationToken);
        return true;
    }
}
