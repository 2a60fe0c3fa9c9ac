using System.Globalization;
using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// Admits a new environment into its team's budget: under the registry-wide lock it sweeps the registry, counts
/// the team's environments, and either refuses (PREVIEW2007, PREVIEW2008) or writes the new environment's record
/// in the <see cref="EnvironmentState.Starting"/> state. Check and reservation happen under one lock, so two
/// builds that start at once can never both take the last place; the reservation counts for every later check
/// until the start fails (its state folder is deleted) or the environment stops.
/// </summary>
public sealed class EnvironmentAdmission(EnvironmentRegistry registry, IPreviewReporter reporter)
{
    /// <summary>How long a start waits for the registry lock, which is held only to sweep, check and reserve.</summary>
    public static TimeSpan LockTimeout { get; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Reserves <paramref name="reservation"/>'s place (writes it to <paramref name="folder"/>) if
    /// <paramref name="budget"/> allows it next to the team's running environments. The caller must hold the
    /// environment's own lock until its app host runs. Returns false after reporting why not.
    /// </summary>
    /// <param name="folder">The new environment's state folder.</param>
    /// <param name="reservation">Its record: team, footprint, <see cref="EnvironmentState.Starting"/>.</param>
    /// <param name="budget">The team's budget, or null for none (the record is still written under the lock).</param>
    /// <param name="footprint">What it counts against the budget.</param>
    /// <param name="now">The time the sweep and the refusal's ages are told against.</param>
    /// <param name="lockTimeout">How long to wait for the registry lock; <see cref="LockTimeout"/> by default.</param>
    public bool TryReserve(string folder, EnvironmentRecord reservation, TeamBudget? budget, EnvironmentFootprint footprint, DateTimeOffset now, TimeSpan? lockTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(footprint);
        var timeout = lockTimeout ?? LockTimeout;
        RegistryLock registryLock;
        try
        {
            registryLock = registry.Lock(timeout);
        }
        catch (TimeoutException)
        {
            var path = Path.Combine(registry.Root, "registry.lock");
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.RegistryLocked, SourceLocation.WholeFile(path),
                reservation.Name, timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture), path));
            return false;
        }

        using (registryLock)
        {
            var ownFolder = Path.GetFullPath(folder);
            RegistrySweep.Run(registry, now, reporter, entry => Path.GetFullPath(entry.Folder) == ownFolder);
            if (budget is not null)
            {
                var holders = registry.List()
                    .Where(entry => entry.Record.Team == budget.Team && Path.GetFullPath(entry.Folder) != ownFolder)
                    .Select(entry => entry.Record)
                    .ToList();
                if (BudgetCheck.Exceeded(budget, footprint, holders).Count > 0)
                {
                    reporter.Report(BudgetCheck.Refusal(reservation.Name, budget, footprint, holders, now));
                    return false;
                }
            }

            StateJson.Write(Path.Combine(folder, StateFiles.Record), reservation);
            return true;
        }
    }
}
