namespace Aspire.Hosting;

/// <summary>
/// The moment the environment became ready (every resource running and healthy, the links written): what watches
/// it (checks, alerts) starts then, so a start's own turbulence is never an incident.
/// </summary>
internal sealed class EnvironmentReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the environment is ready; never when it does not become ready.</summary>
    public Task Ready => ready.Task;

    /// <summary>Called once by the state reporter after it wrote the links.</summary>
    public void MarkReady() => ready.TrySetResult();
}
