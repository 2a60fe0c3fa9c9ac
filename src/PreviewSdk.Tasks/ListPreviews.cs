using PreviewSdk.Core.Environments;

namespace PreviewSdk.Tasks;

/// <summary>Lists the machine's environments: name, app, profile, state, age, owner, branch and links.</summary>
public sealed class ListPreviews : PreviewTask
{
    /// <summary>The registry root; empty for the default.</summary>
    public string StateRoot { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        new PreviewLifecycle(this).List(Core.Environments.StateRoot.Resolve(StateRoot));
        return true;
    }
}
