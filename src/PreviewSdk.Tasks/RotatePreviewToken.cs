using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Publishing.Context;
using PreviewSdk.Publishing.Runs;

namespace PreviewSdk.Tasks;

/// <summary>
/// Issues a new access token for a running environment: the old links and cookies stop working at once, the new
/// links are printed and written. Needs no valid preview.yaml: the environment is found by its recorded project and name.
/// With <c>PreviewCommentToken=true</c> the pull request comment, which showed the old shared link, gets the new one.
/// </summary>
public sealed class RotatePreviewToken : RunningEnvironmentTask
{
    /// <summary>
    /// Whether the pull request comment carries the access token (PreviewCommentToken): then it is rewritten with
    /// the new shared link. <c>true</c> or <c>false</c>; empty is false.
    /// </summary>
    public string CommentToken { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        if (!PreviewProperties.TryReadSwitch(this, "PreviewCommentToken", CommentToken, ProjectPath, out var commentToken)
            || !new TokenRotation(this).Rotate(StateRootPath, ProjectPath, EnvironmentName, cancellationToken))
        {
            return false;
        }

        new EnvironmentPublisher(this).PublishRotated(
            PublishingContextResolver.ForRotation(Environment.GetEnvironmentVariable, commentToken), StateRootPath, ProjectPath, EnvironmentName, cancellationToken);
        return true;
    }
}
