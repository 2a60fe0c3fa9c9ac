using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Tasks;

/// <summary>
/// Issues a new access token for a running environment: the old links and cookies stop working at once, the new
/// links are printed and written. Needs no valid preview.yaml: the environment is found by its recorded project and name.
/// </summary>
public sealed class RotatePreviewToken : RunningEnvironmentTask
{
    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken) =>
        new TokenRotation(this).Rotate(StateRootPath, ProjectPath, EnvironmentName, cancellationToken);
}
