using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Generation;

/// <summary>A plan, or the reasons there is none.</summary>
/// <param name="Plan">The plan; null when an error was found.</param>
/// <param name="Diagnostics">Every problem found (errors and warnings), all at once.</param>
public sealed record SeedPlanResult(SeedPlan? Plan, IReadOnlyList<PreviewDiagnostic> Diagnostics);
