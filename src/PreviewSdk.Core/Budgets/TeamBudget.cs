namespace PreviewSdk.Core.Budgets;

/// <summary>
/// What a team's running environments may hold together on this machine. A null limit is no limit.
/// </summary>
/// <param name="Team">The team.</param>
/// <param name="Environments">The most environments at once.</param>
/// <param name="Cpus">The most CPUs, summed over the environments' footprints.</param>
/// <param name="MemoryBytes">The most bytes of memory, summed over the environments' footprints.</param>
/// <param name="Source">The file the budget was read from (preview.yaml or the shared budget file), for messages.</param>
public sealed record TeamBudget(string Team, int? Environments, double? Cpus, long? MemoryBytes, string Source)
{
    /// <summary>The budget in one line, e.g. <c>3 environments, 4 CPUs, 8Gi</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Environments is { } environments)
        {
            parts.Add($"{environments} environment{(environments == 1 ? string.Empty : "s")}");
        }

        if (Cpus is { } cpus)
        {
            parts.Add($"{ResourceQuantity.FormatCpus(cpus)} CPU");
        }

        if (MemoryBytes is { } memory)
        {
            parts.Add($"{ResourceQuantity.FormatMemory(memory)} memory");
        }

        return parts.Count == 0 ? "no limits" : string.Join(", ", parts);
    }
}
