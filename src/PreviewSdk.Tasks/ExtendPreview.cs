using PreviewSdk.Core.Environments;

namespace PreviewSdk.Tasks;

/// <summary>
/// Extends the time to live of a running environment: PreviewTtl from now (the profile's time to live when
/// empty), or exempts it from expiry with PreviewKeep. Needs no valid preview.yaml: the environment is found by its
/// recorded project and name, and the profile's time to live was recorded when it started.
/// </summary>
public sealed class ExtendPreview : RunningEnvironmentTask
{
    /// <summary>The new time to live from now (PreviewTtl), e.g. 2h; empty for the profile's.</summary>
    public string TimeToLive { get; set; } = string.Empty;

    /// <summary>Whether to exempt the environment from expiry (PreviewKeep).</summary>
    public bool Keep { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        if (!PreviewProperties.TryReadTimeToLive(this, TimeToLive, ProjectPath, out var timeToLive))
        {
            return false;
        }

        return new PreviewLifecycle(this).Extend(StateRootPath, ProjectPath, EnvironmentName, timeToLive, Keep);
    }
}
