using PreviewSdk.Core.Environments;
using PreviewSdk.Core.PostMortems;

namespace PreviewSdk.Core.Templates;

/// <summary>
/// The seeded-data templates of a state root: <c>&lt;state root&gt;/templates/&lt;key&gt;/</c> with
/// <c>template.json</c>, the stopped PostgreSQL data folder <c>pgdata/</c> (or, for a PostgreSQL container, an image of
/// its engine named in the record) and the seeding's report of each database, plus one lock file per key. A template
/// is built under a <c>.building-</c> folder and renamed into place whole, so a reader finds either a complete
/// template or none. Every build, clone and removal of a key holds its lock.
/// </summary>
/// <param name="folder">The templates folder (<see cref="FolderUnder"/>).</param>
public sealed class TemplateStore(string folder)
{
    /// <summary>The folder under the state root that holds the templates; no app can take the name (PREVIEW1050).</summary>
    public const string FolderName = "templates";

    /// <summary>How long an unused template is kept unless <c>PreviewTemplateRetention</c> says otherwise.</summary>
    public static TimeSpan DefaultRetention { get; } = TimeSpan.FromDays(7);

    /// <summary>How many templates of one server (<see cref="TemplateRecord.Lineage"/>) are kept unless <c>PreviewTemplatesPerServer</c> says otherwise.</summary>
    public const int DefaultPerServer = 3;

    /// <summary>The most <c>PreviewTemplatesPerServer</c> may be.</summary>
    public const int MaximumPerServer = 100;

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
    /// Marks the template <paramref name="key"/> discarded (<see cref="TemplateRecord.DiscardedBecause"/>) under its
    /// lock, waiting up to <paramref name="wait"/> for an environment cloning it. Its data stays until the next
    /// environment of the key replaces it (or a prune removes it): a container that failed from its image still holds
    /// that image. False when the lock stayed held or there is no such template.
    /// </summary>
    public bool Discard(string key, string reason, TimeSpan wait)
    {
        RegistryLock held;
        try
        {
            held = Lock(key, wait);
        }
        catch (TimeoutException)
        {
            return false;
        }

        using (held)
        {
            if (TryRead(key) is not { } record)
            {
                return false;
            }

            StateJson.Write(Path.Combine(PathOf(key), RecordFile), record with { DiscardedBecause = reason });
            return true;
        }
    }

    /// <summary>Reads a <c>PreviewTemplatesPerServer</c> value: a whole number from 1 to <see cref="MaximumPerServer"/>.</summary>
    public static bool TryParsePerServer(string? text, out int value)
    {
        value = DefaultPerServer;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= MaximumPerServer)
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Removes the templates of <paramref name="lineage"/> beyond the <paramref name="keep"/> most recently used
    /// (<c>PreviewTemplatesPerServer</c>), so that a server whose schema or seed keeps changing (each change makes a
    /// new template, tens of MB each) does not fill the disk until retention catches up. A template whose lock is
    /// held (an environment cloning or building it) stays, and so does one without a lineage. The template
    /// <paramref name="except"/> (the one about to be published, already counted in <paramref name="keep"/> by its
    /// builder) is neither counted nor removed. Returns the folders removed.
    /// </summary>
    public PruneResult Supersede(string lineage, int keep, string? except = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 0);
        var deleted = new List<string>();
        var failed = new List<(string Folder, string Reason)>();
        if (string.IsNullOrEmpty(lineage) || !Directory.Exists(Folder))
        {
            return new PruneResult(deleted, failed);
        }

        var superseded = Directory.GetDirectories(Folder)
            .Select(path => Path.GetFileName(path))
            .Where(name => !name.StartsWith(StagePrefix, StringComparison.Ordinal))
            .Select(TryRead)
            .OfType<TemplateRecord>()
            .Where(record => record.Lineage == lineage && record.Key != except)
            .OrderByDescending(record => record.LastUsedAt)
            .ThenByDescending(record => record.CreatedAt)
            .Skip(keep);
        foreach (var record in superseded)
        {
            Delete(record.Key, PathOf(record.Key), isStage: false, deleted, failed);
        }

        return new PruneResult(deleted, failed);
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

            Delete(key, path, isStage, deleted, failed);
        }

        return new PruneResult(deleted, failed);
    }

    // Under the key's lock, or not at all: an environment cloning or building it holds it.
    private void Delete(string key, string path, bool isStage, List<string> deleted, List<(string Folder, string Reason)> failed)
    {
        using var held = TryLock(key);
        if (held is null)
        {
            return;
        }

        // A container's template is an image of its engine: it goes first, or the template stays for a later prune.
        // (A stage's key names the published template, whose image is not the stage's.)
        if (!isStage && TryRead(key)?.Image is { } image && Containers.TemplateImages.TryRemove(image) is { } kept)
        {
            failed.Add((path, kept));
            return;
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

    private string LockPathOf(string key) => Path.Combine(Folder, $"{key}.lock");
}
