using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

/// <summary>
/// A real registry in a temporary folder, with environments whose app hosts are real processes carrying their ids
/// (<see cref="MarkedProcess"/>), so sweeps and budget checks see them exactly as they see real environments.
/// </summary>
internal sealed class RegistryFixture : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly List<MarkedProcess> processes = [];

    public RegistryFixture() => Registry = new EnvironmentRegistry(folder.PathOf("state"));

    public EnvironmentRegistry Registry { get; }

    public string Root => folder.Root;

    /// <summary>Records environment <paramref name="name"/> of app shop with a running app host, and returns its entry.</summary>
    public EnvironmentEntry Running(string name, string? team = "shop", double cpus = 1.5, long memory = 3L << 29, DateTimeOffset? expiresAt = null, bool keep = false)
    {
        var id = MarkedProcess.NewId();
        var host = Track(MarkedProcess.Start(id));
        return Write(Record(name, id, host.Id, team, cpus, memory) with { ExpiresAt = keep ? null : expiresAt ?? DateTimeOffset.UtcNow.AddHours(8), Keep = keep });
    }

    /// <summary>
    /// Records environment <paramref name="name"/> whose app host was killed while a process of it lives on (as
    /// PostgreSQL does after a SIGKILL of the app host); returns its entry and the orphan.
    /// </summary>
    public (EnvironmentEntry Entry, MarkedProcess Orphan) Killed(string name, string? team = "shop")
    {
        var id = MarkedProcess.NewId();
        var host = MarkedProcess.Start(id);
        var orphan = Track(MarkedProcess.Start(id));
        var hostProcessId = host.Id;
        host.Dispose();
        return (Write(Record(name, id, hostProcessId, team, 1.5, 3L << 29) with { ExpiresAt = DateTimeOffset.UtcNow.AddHours(8) }), orphan);
    }

    public EnvironmentEntry Write(EnvironmentRecord record)
    {
        var stateFolder = Registry.FolderOf(record.App, record.Name);
        StateJson.Write(Path.Combine(stateFolder, StateFiles.Record), record);
        return new EnvironmentEntry(stateFolder, record);
    }

    public static EnvironmentRecord Record(string name, string environmentId, int hostProcessId, string? team = "shop", double cpus = 1.5, long memory = 3L << 29) => new()
    {
        Name = name,
        App = "shop",
        Profile = "lightweight",
        EnvironmentId = environmentId,
        HostProcessId = hostProcessId,
        StartedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        Owner = "Ada",
        DashboardUrl = "http://127.0.0.1:18888",
        Team = team,
        Cpus = cpus,
        MemoryBytes = memory,
        DefaultTimeToLive = TimeSpan.FromHours(8),
    };

    public MarkedProcess Track(MarkedProcess process)
    {
        lock (processes)
        {
            processes.Add(process);
        }

        return process;
    }

    public void Dispose()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }

        folder.Dispose();
    }
}
