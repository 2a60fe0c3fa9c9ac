using Microsoft.Build.Framework;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Tasks;

/// <summary>
/// Base of the tasks that act on one running environment of a preview project, found through the registry by the
/// project and the environment's name (so all but the checks need no valid preview.yaml): stop, extend, rotate the
/// token, run the checks.
/// </summary>
public abstract class RunningEnvironmentTask : PreviewTask
{
    /// <summary>The preview project file.</summary>
    [Required]
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>The environment's name; empty for the git branch.</summary>
    public string PreviewName { get; set; } = string.Empty;

    /// <summary>The registry root; empty for the default.</summary>
    public string StateRoot { get; set; } = string.Empty;

    /// <summary>The environment's name: <see cref="PreviewName"/> sanitised, else the git branch of the project's folder.</summary>
    protected string EnvironmentName => EnvironmentNames.Resolve(PreviewName, Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!);

    /// <summary>The registry root: <see cref="StateRoot"/>, else the default.</summary>
    protected string StateRootPath => Core.Environments.StateRoot.Resolve(StateRoot);
}
