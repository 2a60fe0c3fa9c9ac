using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Planning;

/// <summary>The outcome of <see cref="PreviewPlanner"/>.</summary>
/// <param name="Plan">The plan, or null when any diagnostic is an error.</param>
/// <param name="Diagnostics">Every problem found (errors and warnings), ordered by file and position.</param>
public sealed record PlanResult(EnvironmentPlan? Plan, IReadOnlyList<PreviewDiagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error (and so <see cref="Plan"/> is null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
