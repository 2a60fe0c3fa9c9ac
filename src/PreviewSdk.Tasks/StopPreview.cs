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
public sealed class StopPreview : RunningEnvironmentTask
{
    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        if (!new PreviewLifecycle(this).Down(StateRootPath, ProjectPath, EnvironmentName))
        {
            return false;
        }

        // Also when nothing was running: an environment that expired left its comment showing links.
        new EnvironmentPublisher(this).PublishDown(PublishingContextResolver.ForStop(Environment.GetEnvironmentVariable), StateRootPath, ProjectPath, EnvironmentName, cancellationToken);
        return true;
    }
}
