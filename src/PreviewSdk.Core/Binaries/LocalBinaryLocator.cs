namespace PreviewSdk.Core.Binaries;

/// <summary>
/// Finds the locally installed programs that run backing services without a container engine:
/// PostgreSQL's <c>initdb</c> and <c>postgres</c>, and <c>redis-server</c>.
/// </summary>
public sealed class LocalBinaryLocator
{
    private readonly IReadOnlyList<string> searchPath;
    private readonly string postgresLibRoot;

    /// <summary>Creates a locator over the process's PATH and Debian's PostgreSQL layout.</summary>
    public LocalBinaryLocator()
        : this(Environment.GetEnvironmentVariable("PATH") ?? string.Empty, "/usr/lib/postgresql")
    {
    }

    /// <summary>Creates a locator over the given PATH value and PostgreSQL library root (for tests).</summary>
    public LocalBinaryLocator(string path, string postgresLibRoot)
    {
        searchPath = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        this.postgresLibRoot = postgresLibRoot;
    }

    /// <summary>
    /// The folder holding both <c>initdb</c> and <c>postgres</c>: the first PATH entry with both, else the newest
    /// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (Debian keeps the server out of PATH), else null.
    /// </summary>
    public string? FindPostgresBinDirectory()
    {
        foreach (var directory in searchPath)
        {
            if (IsExecutable(Path.Combine(directory, "initdb")) && IsExecutable(Path.Combine(directory, "postgres")))
            {
                return directory;
            }
        }

        if (!Directory.Exists(postgresLibRoot))
        {
            return null;
        }

        return Directory.GetDirectories(postgresLibRoot)
            .Select(versionDirectory => (Version: ParseVersion(Path.GetFileName(versionDirectory)), Bin: Path.Combine(versionDirectory, "bin")))
            .Where(candidate => candidate.Version is not null
                && IsExecutable(Path.Combine(candidate.Bin, "initdb"))
                && IsExecutable(Path.Combine(candidate.Bin, "postgres")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    /// <summary>The path of <c>redis-server</c> on PATH, or null.</summary>
    public string? FindRedisServer() => FindOnPath("redis-server");

    /// <summary>The path of <paramref name="program"/> on PATH, or null.</summary>
    public string? FindOnPath(string program)
    {
        foreach (var directory in searchPath)
        {
            var candidate = Path.Combine(directory, program);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static Version? ParseVersion(string text) =>
        int.TryParse(text, out var major) ? new Version(major, 0) : Version.TryParse(text, out var version) ? version : null;

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        return OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
