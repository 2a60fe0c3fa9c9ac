namespace PreviewSdk.Core.Manifest;

/// <summary>
/// A team budget as written in preview.yaml's <c>budget:</c> or under <c>teams.&lt;team&gt;</c> of a shared budget
/// file: limits on what the team's running environments may hold together. A limit left out is no limit.
/// </summary>
/// <param name="Environments">The most environments the team may run at once.</param>
/// <param name="Cpus">The most CPUs its environments may count together.</param>
/// <param name="MemoryBytes">The most bytes of memory its environments may count together.</param>
/// <param name="Location">Where the budget is written (its key).</param>
public sealed record BudgetEntry(
    Located<int>? Environments,
    Located<double>? Cpus,
    Located<long>? MemoryBytes,
    Diagnostics.SourceLocation Location);
