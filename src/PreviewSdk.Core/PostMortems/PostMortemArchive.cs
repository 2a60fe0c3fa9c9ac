using System.Globalization;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.PostMortems;

/// <summary>
/// What a failed start leaves to explain itself: the state folder's logs and reports, copied to
/// <c>&lt;state root&gt;/failed/&lt;app&gt;/&lt;name&gt;/&lt;time&gt;/</c> before the teardown deletes the state folder,
/// and kept for <see cref="RetentionPeriod"/> (or until <c>-t:PreviewPrune</c>). Without it the evidence of a
/// timeout went with the teardown, and finding the cause took a rerun.
/// </summary>
public static class PostMortemArchive
{
    /// <summary>The folder under the state root that holds the post-mortems; no app can take the name (PREVIEW1050).</summary>
    public const string FolderName = "failed";

    /// <summary>How long a post-mortem is kept: long enough for a week's work, short enough not to pile up.</summary>
    public static TimeSpan RetentionPeriod { get; } = TimeSpan.FromDays(7);

    // The record, the reports and the logs; never data/ (databases) nor databases.json (passwords).
    private static readonly string[] KeptFiles = [StateFiles.Record, StateFiles.Resources, StateFiles.Failed, StateFiles.HostLog];

    /// <summary>The post-mortem folder of a start of <paramref name="app"/>/<paramref name="name"/> that failed at <paramref name="failedAt"/>.</summary>
    public static string PathFor(string stateRoot, string app, string name, DateTimeOffset failedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateRoot);
        return Path.Combine(Path.GetFullPath(stateRoot), FolderName, app, name,
            failedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Copies the logs and reports of the state folder <paramref name="stateFolder"/> to <paramref name="target"/>.
    /// </summary>
    /// <exception cref="IOException">The copy failed (disk full, no permission); the caller reports and carries on.</exception>
    /// <exception cref="UnauthorizedAccessException">The post-mortem folder cannot be written.</exception>
    public static void Keep(string stateFolder, string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateFolder);
        ArgumentException.ThrowIfNullOrEmpty(target);
        Directory.CreateDirectory(target);
        foreach (var file in KeptFiles.Select(name => Path.Combine(stateFolder, name)).Where(File.Exists))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        var logs = Path.Combine(stateFolder, StateFiles.LogsFolder);
        if (Directory.Exists(logs))
        {
            var keptLogs = Directory.CreateDirectory(Path.Combine(target, StateFiles.LogsFolder)).FullName;
            foreach (var log in Directory.EnumerateFiles(logs))
            {
                File.Copy(log, Path.Combine(keptLogs, Path.GetFileName(log)), overwrite: true);
            }
        }
    }

    /// <summary>
    /// Deletes the post-mortems under <paramref name="stateRoot"/> older than <paramref name="maxAge"/> at
    /// <paramref name="now"/>, and those <paramref name="alsoDelete"/> selects whatever their age, then the folders
    /// they leave empty. Returns the folders deleted and those that could not be, with why.
    /// </summary>
    public static PruneResult Prune(string stateRoot, DateTimeOffset now, TimeSpan maxAge, Func<string, bool>? alsoDelete = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateRoot);
        var root = Path.Combine(Path.GetFullPath(stateRoot), FolderName);
        if (!Directory.Exists(root))
        {
            return new PruneResult([], []);
        }

        var deleted = new List<string>();
        var failed = new List<(string, string)>();
        foreach (var kept in Directory.GetDirectories(root).SelectMany(Directory.GetDirectories).SelectMany(Directory.GetDirectories))
        {
            if (now - FailedAt(kept) < maxAge && !(alsoDelete?.Invoke(kept) ?? false))
            {
                continue;
            }

            try
            {
                Directory.Delete(kept, recursive: true);
                deleted.Add(kept);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add((kept, e.Message));
            }
        }

        DeleteEmptyFolders(root);
        return new PruneResult(deleted, failed);
    }

    /// <summary>Whether the post-mortem <paramref name="folder"/> is of a start of the preview project <paramref name="projectPath"/>.</summary>
    public static bool IsOf(string folder, string projectPath) =>
        StateJson.TryRead<EnvironmentRecord>(Path.Combine(folder, StateFiles.Record))?.ProjectPath is { } recorded
        && Path.GetFullPath(recorded) == Path.GetFullPath(projectPath);

    // The folder's name is the time of the failure; a folder named otherwise counts from its last change.
    private static DateTimeOffset FailedAt(string folder) =>
        DateTimeOffset.TryParseExact(Path.GetFileName(folder), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var failedAt)
            ? failedAt
            : new DateTimeOffset(Directory.GetLastWriteTimeUtc(folder), TimeSpan.Zero);

    private static void DeleteEmptyFolders(string folder)
    {
        foreach (var child in Directory.GetDirectories(folder))
        {
            DeleteEmptyFolders(child);
        }

        try
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // A start that failed just now writes its post-mortem here.
        }
    }
}

/// <summary>What a prune removed, and what it could not remove with the reason.</summary>
public sealed record PruneResult(IReadOnlyList<string> Deleted, IReadOnlyList<(string Folder, string Reason)> Failed);
