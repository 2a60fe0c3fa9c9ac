using PreviewSdk.Core.PostMortems;

namespace PreviewSdk.Tasks;

/// <summary>
/// Removes what environments left behind: dead or expired environments, the preview project's post-mortems (and
/// any older than 7 days), and temp folders of environments that are gone.
/// </summary>
public sealed class PrunePreviews : PreviewTask
{
    /// <summary>The preview project, whose post-mortems are removed whatever their age.</summary>
    [Microsoft.Build.Framework.Required]
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>The registry root; empty for the default.</summary>
    public string StateRoot { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        new LeftoverPruner(this).Prune(Core.Environments.StateRoot.Resolve(StateRoot), ProjectPath);
        return true;
    }
}
