using PreviewSdk.Core.Environments;

namespace PreviewSdk.Tasks;

/// <summary>
/// Stops an environment and deletes its state: asks the app host to shut down, then stops every process that
/// carries the environment's id (also after the app host was killed). Leaves no process, port, lock or data
/// behind. Needs no valid preview.yaml: the environment is found by its recorded project and name.
/// </summary>
public sealed class StopPreview : RunningEnvironmentTask
{
    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken) =>
        new PreviewLifecycle(this).Down(StateRootPath, ProjectPath, EnvironmentName);
}
