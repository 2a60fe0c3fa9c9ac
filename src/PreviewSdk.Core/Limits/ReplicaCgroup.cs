using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Limits;

/// <summary>
/// The cgroup of one replica of a service, <c>&lt;environment id&gt;/&lt;service&gt;/&lt;replica&gt;</c> below
/// PreviewSdk's folder (in each hierarchy for cgroup v1), holding the replica's limits and its processes.
/// </summary>
public sealed class ReplicaCgroup
{
    private ReplicaCgroup(CgroupLayout layout, IReadOnlyList<string> folders)
    {
        Layout = layout;
        Folders = folders;
    }

    /// <summary>Where the cgroups are.</summary>
    public CgroupLayout Layout { get; }

    /// <summary>The replica's folder in each hierarchy: one for v2; the cpu, then the memory one for v1.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>
    /// Creates (or reuses) the replica's cgroup and writes <paramref name="limits"/> into it; an unlimited resource
    /// is written as unlimited, so a reused cgroup keeps no earlier limit.
    /// </summary>
    /// <param name="layout">Where the cgroups are, as detected (and prepared) by <see cref="CgroupDetector.Detect()"/>.</param>
    /// <param name="environmentId">The environment's id.</param>
    /// <param name="service">The service's resource name.</param>
    /// <param name="replica">The replica's id (its resource name with Aspire's suffix).</param>
    /// <param name="limits">The limits of the replica.</param>
    /// <exception cref="CgroupException">A folder or control file cannot be created or written.</exception>
    public static ReplicaCgroup Create(CgroupLayout layout, string environmentId, string service, string replica, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(limits);
        var relative = Path.Combine(CgroupNames.Check(environmentId), CgroupNames.Check(service), CgroupNames.Check(replica));
        var folders = layout.Roots.Select(root => Path.Combine(root, relative)).ToList();
        foreach (var folder in folders)
        {
            CreateFolder(folder);
        }

        if (layout.Version == CgroupVersion.V2)
        {
            // The environment's and the service's folders pass the controllers on; the replica's folder holds the
            // processes, which v2 allows only in a folder that passes nothing on.
            var serviceFolder = Path.GetDirectoryName(folders[0])!;
            CgroupFiles.EnableControllers(Path.GetDirectoryName(serviceFolder)!);
            CgroupFiles.EnableControllers(serviceFolder);
            CgroupFiles.WriteV2(folders[0], limits);
        }
        else
        {
            CgroupFiles.WriteV1Cpu(folders[0], limits);
            CgroupFiles.WriteV1Memory(folders[1], limits);
        }

        return new ReplicaCgroup(layout, folders);
    }

    /// <summary>Moves process <paramref name="pid"/> with all its threads into the cgroup.</summary>
    /// <exception cref="CgroupException">The kernel refused the move, or the cgroup is gone.</exception>
    public void Add(int pid)
    {
        foreach (var folder in Folders)
        {
            CgroupFiles.AddProcess(folder, pid);
        }
    }

    /// <summary>
    /// Moves <paramref name="pid"/> and all its descendants into the cgroup, parents before children: a process
    /// created after its parent moved starts inside the cgroup, so reading the children only after the move finds
    /// every one that started outside it. Returns the ids moved; a descendant that exited meanwhile is skipped.
    /// </summary>
    /// <exception cref="CgroupException">The kernel refused to move <paramref name="pid"/>, or the cgroup is gone.</exception>
    public IReadOnlyList<int> AddTree(int pid)
    {
        Add(pid);
        var moved = new List<int> { pid };
        var pending = new Queue<int>(ProcessTree.Children(pid));
        while (pending.TryDequeue(out var child))
        {
            try
            {
                Add(child);
            }
            catch (CgroupException) when (!Directory.Exists($"/proc/{child}"))
            {
                continue;
            }

            moved.Add(child);
            foreach (var grandchild in ProcessTree.Children(child))
            {
                pending.Enqueue(grandchild);
            }
        }

        return moved;
    }

    /// <summary>The ids of the processes in the cgroup.</summary>
    public IReadOnlyList<int> Processes() => CgroupFiles.Processes(Folders[0]);

    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CgroupException(folder, $"The cgroup {folder} cannot be created: {e.Message}", e);
        }
    }
}
