using System.Globalization;
using PreviewSdk.Core.Arithmetic;
using System.Text;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Budgets;

/// <summary>
/// Whether one more environment fits a team's budget next to the team's running ones, and the coded refusal
/// when it does not. Pure: the registry decides under its lock which environments hold the budget.
/// </summary>
public static class BudgetCheck
{
    /// <summary>
    /// The limits of <paramref name="budget"/> that <paramref name="candidate"/> would break next to
    /// <paramref name="holders"/>, each as a phrase such as <c>3 of 3 environments run</c>; empty when it fits.
    /// </summary>
    /// <param name="budget">The team's budget.</param>
    /// <param name="candidate">The footprint of the environment to start.</param>
    /// <param name="holders">The records of the team's environments that hold the budget now.</param>
    public static IReadOnlyList<string> Exceeded(TeamBudget budget, EnvironmentFootprint candidate, IReadOnlyList<EnvironmentRecord> holders)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(holders);
        var exceeded = new List<string>();
        if (budget.Environments is { } environments && holders.Count + 1 > environments)
        {
            exceeded.Add(string.Create(CultureInfo.InvariantCulture, $"{holders.Count} of {environments} environments run"));
        }

        // Records are files anyone with access to the state root can edit: a NaN, a negative or a huge value must
        // neither throw (LINQ's Sum is checked) nor wrap or compare false and so let the candidate in.
        var cpus = Saturating.Amount(holders.Sum(holder => Saturating.Amount(holder.Cpus ?? 0)));
        if (budget.Cpus is { } cpuLimit && Saturating.Amount(cpus + Saturating.Amount(candidate.Cpus)) > cpuLimit + 1e-9)
        {
            exceeded.Add($"cpu {ResourceQuantity.FormatCpus(cpus)} held + {ResourceQuantity.FormatCpus(candidate.Cpus)} needed > {ResourceQuantity.FormatCpus(cpuLimit)}");
        }

        var memory = Saturating.Sum(holders.Select(holder => holder.MemoryBytes ?? 0));
        if (budget.MemoryBytes is { } memoryLimit && Saturating.Add(memory, candidate.MemoryBytes) > memoryLimit)
        {
            exceeded.Add($"memory {ResourceQuantity.FormatMemory(memory)} held + {ResourceQuantity.FormatMemory(candidate.MemoryBytes)} needed > {ResourceQuantity.FormatMemory(memoryLimit)}");
        }

        return exceeded;
    }

    /// <summary>True when <paramref name="candidate"/> alone breaks <paramref name="budget"/>: no environment's stop would make room.</summary>
    /// <param name="budget">The team's budget.</param>
    /// <param name="candidate">The footprint of the environment to start.</param>
    public static bool LargerThanBudget(TeamBudget budget, EnvironmentFootprint candidate) =>
        Exceeded(budget, candidate, []).Count > 0;

    /// <summary>
    /// The refusal: PREVIEW2008 when the environment alone is larger than the budget, else PREVIEW2007 with the
    /// environments that hold the budget (name, app, owner, age, expiry, footprint) in its details.
    /// </summary>
    /// <param name="name">The refused environment.</param>
    /// <param name="budget">The team's budget.</param>
    /// <param name="candidate">Its footprint.</param>
    /// <param name="holders">The team's environments that hold the budget.</param>
    /// <param name="now">The time ages and expiries are told against.</param>
    public static PreviewDiagnostic Refusal(string name, TeamBudget budget, EnvironmentFootprint candidate, IReadOnlyList<EnvironmentRecord> holders, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(holders);
        var location = SourceLocation.WholeFile(budget.Source);
        if (LargerThanBudget(budget, candidate))
        {
            return DiagnosticFactory.Create(DiagnosticCodes.EnvironmentLargerThanBudget, location,
                name, candidate.Describe(), budget.Team, budget.Describe(), budget.Source);
        }

        var details = new StringBuilder();
        foreach (var holder in holders.OrderBy(holder => holder.StartedAt))
        {
            details.Append(CultureInfo.InvariantCulture,
                $"    {holder.Name}  app={holder.App}  owner={holder.Owner ?? "?"}  age={EnvironmentListRenderer.Age(now - holder.StartedAt)}  expires={EnvironmentListRenderer.Expiry(holder, now)}  cpu {ResourceQuantity.FormatCpus(holder.Cpus ?? 0)}, memory {ResourceQuantity.FormatMemory(holder.MemoryBytes ?? 0)}\n");
        }

        return DiagnosticFactory.Create(DiagnosticCodes.BudgetExceeded, location,
            name, budget.Team, budget.Describe(), budget.Source, string.Join("; ", Exceeded(budget, candidate, holders)))
            with { Details = details.ToString().TrimEnd('\n') };
    }
}
