using System.Diagnostics;

namespace PreviewSdk.Core.Limits;

/// <summary>
/// The cgroups of whole environments: which processes they hold (a second way to find an environment's processes,
/// which also finds those that overwrote their environment block) and their removal when the environment stops.
/// </summary>
public static class EnvironmentCgroups
{
    private static readonly TimeSpan EmptyWait = TimeSpan.FromSeconds(5);

    /// <summary>The processes in the cgroups of <paramref name="environmentId"/> on this machine; none without cgroups.</summary>
    public static IReadOnlyList<int> ProcessesOf(string environmentId) =>
        CgroupDetector.Locate().Layout is { } layout ? ProcessesOf(layout, environmentId) : [];

    /// <summary>The processes in the cgroups of <paramref name="environmentId"/>, in every hierarchy of <paramref name="layout"/>.</summary>
    public static IReadOnlyList<int> ProcessesOf(CgroupLayout layout, string environmentId)
    {
        ArgumentNullException.ThrowIfNull(layout);
        // An id no cgroup could have been named after (a hand-edited record) has none.
        if (!CgroupNames.IsValid(environmentId))
        {
            return [];
        }

        return layout.EnvironmentFolders(environmentId)
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Prepend(folder))
            .SelectMany(CgroupFiles.Processes)
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Removes the cgroups of environment <paramref name="environmentId"/>, whose processes were stopped, then those
    /// that environments killed without a teardown left behind (empty, and no live process carries their id, as
    /// <paramref name="isInUse"/> tells). Returns the failure to remove the environment's own cgroups, or null.
    /// </summary>
    /// <param name="environmentId">The environment being torn down.</param>
    /// <param name="isInUse">Whether a live process still carries an environment id.</param>
    public static CgroupException? Remove(string environmentId, Func<string, bool> isInUse)
    {
        ArgumentNullException.ThrowIfNull(isInUse);
        if (CgroupDetector.Locate().Layout is not { } layout)
        {
            return null;
        }

        var failure = Remove(layout, environmentId, EmptyWait);
        RemoveStale(layout, isInUse);
        return failure;
    }

    /// <summary>
    /// Removes the cgroups of <paramref name="environmentId"/> in <paramref name="layout"/>, deepest first, after
    /// waiting up to <paramref name="wait"/> for their processes to exit. Returns the first failure, or null.
    /// </summary>
    /// <param name="layout">Where the cgroups are.</param>
    /// <param name="environmentId">The environment.</param>
    /// <param name="wait">How long killed processes may take to leave the cgroups.</param>
    public static CgroupException? Remove(CgroupLayout layout, string environmentId, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!CgroupNames.IsValid(environmentId))
        {
            return null;
        }

        var stopwatch = Stopwatch.StartNew();
        while (ProcessesOf(layout, environmentId).Count > 0 && stopwatch.Elapsed < wait)
        {
            Thread.Sleep(100);
        }

        CgroupException? failure = null;
        foreach (var folder in layout.EnvironmentFolders(environmentId).Where(Directory.Exists))
        {
            // A cgroup folder is removed with rmdir alone: its control files cannot be deleted, and go with it.
            var folders = Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories)
                .OrderByDescending(path => path.Length)
                .Append(folder);
            foreach (var path in folders)
            {
                try
                {
                    Directory.Delete(path, recursive: false);
                }
                catch (DirectoryNotFoundException)
                {
                    // Already gone.
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    var holding = CgroupFiles.Processes(path);
                    var detail = holding.Count > 0 ? $"it still holds processes {string.Join(' ', holding)}" : e.Message;
                    failure ??= new CgroupException(path, $"{path} cannot be removed: {detail}.", e);
                }
            }
        }

        return failure;
    }

    /// <summary>
    /// Removes the cgroups of environments that are gone: no process in them, and none that still carries their
    /// id according to <paramref name="isInUse"/> (an environment starting holds its cgroups empty for a moment).
    /// Failures are left for the next teardown: these cgroups belong to no environment being stopped now. Returns
    /// the ids of the environments whose cgroups were removed.
    /// </summary>
    /// <param name="layout">Where the cgroups are.</param>
    /// <param name="isInUse">Whether a live process still carries an environment id.</param>
    public static IReadOnlyList<string> RemoveStale(CgroupLayout layout, Func<string, bool> isInUse)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(isInUse);
        var removed = new List<string>();
        var ids = layout.Roots.Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(Path.GetFileName)
            .Where(CgroupNames.IsValid)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var id in ids)
        {
            if (ProcessesOf(layout, id).Count == 0 && !isInUse(id) && Remove(layout, id, TimeSpan.Zero) is null)
            {
                removed.Add(id);
            }
        }

        return removed;
    }
}
