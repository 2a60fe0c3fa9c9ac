namespace PreviewSdk.Core.Environments;

/// <summary>
/// The machine's environments: one state folder each, at <c>&lt;root&gt;/&lt;app&gt;/&lt;name&gt;</c>. Starting or
/// stopping an environment happens under its own lock (<see cref="LockEnvironment"/>), so two builds never start
/// the same environment twice while different environments start in parallel; decisions that span environments
/// take <see cref="Lock"/>.
/// </summary>
public sealed class EnvironmentRegistry(string root)
{
    /// <summary>The folder holding every environment's state folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The state folder of environment <paramref name="name"/> of app <paramref name="app"/>.</summary>
    public string FolderOf(string app, string name) => Path.Combine(Root, app, name);

    /// <summary>
    /// Takes the registry-wide exclusive lock, waiting up to <paramref name="timeout"/>: for decisions about all
    /// environments at once, such as a team budget. The lock is an OS file lock, released even when the holder is killed.
    /// </summary>
    public RegistryLock Lock(TimeSpan timeout) => RegistryLock.Acquire(Path.Combine(Root, "registry.lock"), timeout);

    /// <summary>
    /// Takes the lock of one environment, waiting up to <paramref name="timeout"/>. Lock files live in
    /// <c>&lt;root&gt;/locks</c>, beside the state folders, so removing a state folder never removes a held lock.
    /// </summary>
    public RegistryLock LockEnvironment(string app, string name, TimeSpan timeout) =>
        RegistryLock.Acquire(EnvironmentLockPath(app, name), timeout);

    /// <summary>
    /// Takes the lock of one environment if it is free, without waiting; null while a build starts or stops it or
    /// its app host is tearing itself down.
    /// </summary>
    public RegistryLock? TryLockEnvironment(string app, string name) => RegistryLock.TryAcquire(EnvironmentLockPath(app, name));

    /// <summary>
    /// The registry that holds the state folder <paramref name="folder"/> (<c>&lt;root&gt;/&lt;app&gt;/&lt;name&gt;</c>),
    /// for the app host, which knows only its own folder.
    /// </summary>
    public static EnvironmentRegistry OfStateFolder(string folder) =>
        new(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)))!);

    /// <summary>The lock file of environment <paramref name="name"/> of app <paramref name="app"/>.</summary>
    public string EnvironmentLockPath(string app, string name) => Path.Combine(Root, "locks", $"{app}--{name}.lock");

    /// <summary>The environment in <paramref name="folder"/>, or null when it holds no record.</summary>
    public static EnvironmentEntry? Read(string folder)
    {
        var record = StateJson.TryRead<EnvironmentRecord>(Path.Combine(folder, StateFiles.Record));
        return record is null ? null : new EnvironmentEntry(folder, record);
    }

    /// <summary>
    /// The environment <paramref name="name"/> started from the preview project <paramref name="projectPath"/>, or null.
    /// Found by its record, so an environment is found whatever preview.yaml says now.
    /// </summary>
    public EnvironmentEntry? Find(string projectPath, string name)
    {
        ArgumentNullException.ThrowIfNull(projectPath);
        var project = Path.GetFullPath(projectPath);
        return List().FirstOrDefault(entry =>
            entry.Record.Name == name && entry.Record.ProjectPath is { } recorded && Path.GetFullPath(recorded) == project);
    }

    /// <summary>Every environment that has a record, of every app, ordered by app then name.</summary>
    public IReadOnlyList<EnvironmentEntry> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.GetDirectories(Root)
            .SelectMany(Directory.GetDirectories)
            .Select(Read)
            .OfType<EnvironmentEntry>()
            .OrderBy(entry => entry.Record.App, StringComparer.Ordinal)
            .ThenBy(entry => entry.Record.Name, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>One environment of the registry: its state folder and what was recorded when it started.</summary>
public sealed record EnvironmentEntry(string Folder, EnvironmentRecord Record)
{
    /// <summary>Whether its app host still runs (the recorded process exists and carries the environment's id).</summary>
    public bool IsAlive => EnvironmentProcesses.IsHostAlive(Record);

    /// <summary>The ready report, once the environment became ready.</summary>
    public ReadyReport? Ready => StateJson.TryRead<ReadyReport>(Path.Combine(Folder, StateFiles.Ready));

    /// <summary>The failure report, when a resource failed before the environment became ready.</summary>
    public FailureReport? Failure => StateJson.TryRead<FailureReport>(Path.Combine(Folder, StateFiles.Failed));

    /// <summary>The latest resource states.</summary>
    public ResourcesReport? Resources => StateJson.TryRead<ResourcesReport>(Path.Combine(Folder, StateFiles.Resources));

    /// <summary>The open incidents and recent alerts, once the environment had one.</summary>
    public AlertsReport? Alerts => StateJson.TryRead<AlertsReport>(Path.Combine(Folder, StateFiles.Alerts));

    /// <summary>The links, once the environment became ready.</summary>
    public Links.EnvironmentLinks? Links => StateJson.TryRead<Links.EnvironmentLinks>(Path.Combine(Folder, StateFiles.LinksJson));
}
