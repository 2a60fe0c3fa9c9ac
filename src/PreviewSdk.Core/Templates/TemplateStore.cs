using PreviewSdk.Core.Environments;
using PreviewSdk.Core.PostMortems;

namespace PreviewSdk.Core.Templates;

/// <summary>
/// The seeded-data templates of a state root: <c>&lt;state root&gt;/templates/&lt;key&gt;/</c> with
/// <c>template.json</c>, the stopped PostgreSQL data folder <c>pgdata/</c> (or, for a PostgreSQL container, an image of
/// its engine named in the record) and the seeding's report of each database, plus one lock file per key. A template is built under a <c>.building-</c> folder and renamed into place whole, so a reader finds
/// either a complete template or none. Every build, clone and removal of a key holds its lock.
/// </summary>
/// <param name="folder">The templates folder (<see cref="FolderUnder"/>).</param>
public sealed class TemplateStore(string folder)
{
    /// <summary>The folder under the state root that holds the templates; no app can take the name (PREVIEW1050).</summary>
    public const string FolderName = "templates";

    /// <summary>How long an unused template is kept unless <c>PreviewTemplateRetention</c> says otherwise.</summary>
    public static TimeSpan DefaultRetention { get; } = TimeSpan.FromDays(7);

    private const string RecordFile = "template.json";
    private const string StagePrefix = ".building-";

    /// <summary>The templates folder.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The templates folder of the state root <paramref name="stateRoot"/>.</summary>
    public static string FolderUnder(string stateRoot) => Path.Combine(Path.GetFullPath(stateRoot), FolderName);

    /// <summary>The folder of the template <paramref name="key"/>.</summary>
    public string PathOf(string key) => Path.Combine(Folder, key);

    /// <summary>The stopped PostgreSQL data folder of a template (or of a stage).</summary>
    public static string DataFolderOf(string templateFolder) => Path.Combine(templateFolder, "pgdata");

    /// <summary>
    /// The seed report section of the <paramref name="index"/>th database of a template's record (or of a stage), as
    /// the seeding wrote it. By position, not name: a database's name need not be a file name.
    /// </summary>
    public static string ReportOf(string templateFolder, int index) =>
        Path.Combine(templateFolder, index == 0 ? "seed-report.md" : $"seed-report-{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}.md");

    /// <summary>The template <paramref name="key"/>, or null when there is none (or only a half-built one).</summary>
    public TemplateRecord? TryRead(string key) => StateJson.TryRead<TemplateRecord>(Path.Combine(PathOf(key), RecordFile));

    /// <summary>Takes the lock of <paramref name="key"/>, or null when someone holds it.</summary>
    public RegistryLock? TryLock(string key) => RegistryLock.TryAcquire(LockPathOf(key));

    /// <summary>Takes the lock of <paramref name="key"/>, waiting up to <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">Someone held it all along.</exception>
    public RegistryLock Lock(string key, TimeSpan timeout) => RegistryLock.Acquire(LockPathOf(key), timeout);

    /// <summary>A new, empty folder to build the template <paramref name="key"/> in; <see cref="Publish"/> moves it into place.</summary>
    public string NewStage(string key)
    {
        var stage = Path.Combine(Folder, $"{StagePrefix}{key}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(stage);
        return stage;
    }

    /// <summary>Writes <paramref name="record"/> into <paramref name="stage"/> and renames the stage into place (under the key's lock).</summary>
    public void Publish(string stage, TemplateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        StateJson.Write(Path.Combine(stage, RecordFile), record);
        var target = PathOf(record.Key);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(stage, target);
    }

    /// <summary>Records a use of the template <paramref name="key"/> at <paramref name="now"/>, kept <paramref name="retention"/> from then.</summary>
    public void Touch(string key, DateTimeOffset now, TimeSpan retention)
    {
        if (TryRead(key) is { } record)
        {
            StateJson.Write(Path.Combine(PathOf(key), RecordFile), record with
            {
                LastUsedAt = now,
                RetentionSeconds = (long)retention.TotalSeconds,
            });
        }
    }

    /// <summary>
    /// Removes templates past their retention at <paramref name="now"/> (every template with
    /// <paramref name="everything"/>, as <c>-t:PreviewPrune</c> does), and stages of builds that died. A template
    /// whose lock is held (an environment cloning or building it) stays; so does one whose image its engine keeps (a
    /// container still uses it), reported as failed.
    /// </summary>
    public PruneResult Prune(DateTimeOffset now, bool everything = false)
    {
        var deleted = new List<string>();
        var failed = new List<(string Folder, string Reason)>();
        if (!Directory.Exists(Folder))
        {
            return new PruneResult(deleted, failed);
        }

        foreach (var path in Directory.GetDirectories(Folder))
        {
            var name = Path.GetFileName(path);
            var isStage = name.StartsWith(StagePrefix, StringComparison.Ordinal);
            var key = isStage ? name[StagePrefix.Length..].Split('-')[0] : name;
            if (!isStage && !everything && TryRead(key) is { } record && !record.IsExpired(now))
            {
                continue;
            }

            using var held = TryLock(key);
            if (held is null)
            {
                continue;
            }

            // A container's template is an image of its engine: it goes first, or the template stays for a later prune.
            if (!isStage && TryRead(key)?.Image is { } image && Containers.TemplateImages.TryRemove(image) is { } kept)
            {
                failed.Add((path, kept));
                continue;
            }

            try
            {
                Directory.Delete(path, recursive: true);
                deleted.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add((path, e.Message));
            }
        }

        return new PruneResult(deleted, failed);
    }

    private string LockPathOf(string key) => Path.Combine(Folder, $"{key}.lock");
}
