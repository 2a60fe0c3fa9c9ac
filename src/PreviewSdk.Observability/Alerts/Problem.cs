namespace PreviewSdk.Observability.Alerts;

/// <summary>What can be wrong with a resource of an environment, each an alert of its own code.</summary>
public enum ProblemKind
{
    /// <summary>The resource's process exited or crashed while the environment ran (PREVIEW6030).</summary>
    Exited,

    /// <summary>A health check of the resource reports it unhealthy (PREVIEW6031).</summary>
    Unhealthy,

    /// <summary>A synthetic check of the resource fails (PREVIEW6032).</summary>
    CheckFailing,

    /// <summary>The resource logged more errors than the threshold within the window (PREVIEW6033).</summary>
    ErrorLogs,
}

/// <summary>A problem seen in one observation of a resource: its kind and what it says.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Summary">One sentence of what happened, e.g. <c>exited with code 137</c>.</param>
/// <param name="Details">More lines: which health checks fail and why, which errors were logged.</param>
public sealed record Problem(ProblemKind Kind, string Summary, IReadOnlyList<string> Details);
