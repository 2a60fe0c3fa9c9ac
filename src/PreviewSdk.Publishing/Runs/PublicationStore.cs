using PreviewSdk.Core.Environments;

namespace PreviewSdk.Publishing.Runs;

/// <summary>
/// The publication records of a state root, in <c>&lt;root&gt;/publications/&lt;app&gt;--&lt;name&gt;.json</c>:
/// beside the environments' state folders rather than in them, because an environment that expires deletes its
/// state folder, and its comment must still be marked down when the pull request closes.
/// </summary>
public sealed class PublicationStore(string stateRoot)
{
    /// <summary>The folder of the records.</summary>
    public string Folder { get; } = Path.Combine(Path.GetFullPath(stateRoot), "publications");

    /// <summary>Records <paramref name="record"/>, replacing the one of the same app and environment.</summary>
    public void Save(PublicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        StateJson.Write(PathOf(record.App, record.Environment), record);
    }

    /// <summary>The records of environment <paramref name="name"/> of the preview project <paramref name="projectPath"/>.</summary>
    public IReadOnlyList<PublicationRecord> Find(string projectPath, string name)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var project = Path.GetFullPath(projectPath);
        return Directory.GetFiles(Folder, $"*--{name}.json")
            .Order(StringComparer.Ordinal)
            .Select(StateJson.TryRead<PublicationRecord>)
            .OfType<PublicationRecord>()
            .Where(record => record.Environment == name && Path.GetFullPath(record.ProjectPath) == project)
            .ToList();
    }

    /// <summary>Forgets the record of <paramref name="record"/>'s environment.</summary>
    public void Delete(PublicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // A record made up for a comment found by its marker alone was never stored.
        if (File.Exists(PathOf(record.App, record.Environment)))
        {
            File.Delete(PathOf(record.App, record.Environment));
        }
    }

    private string PathOf(string app, string name) => Path.Combine(Folder, $"{app}--{name}.json");
}
