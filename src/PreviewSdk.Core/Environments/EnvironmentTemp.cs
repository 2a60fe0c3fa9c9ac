namespace PreviewSdk.Core.Environments;

/// <summary>
/// An environment's own temp folder, given to its app host as <c>TMPDIR</c> and so inherited by every process of
/// the environment. What they leave there goes when the environment goes: Aspire's orchestrator session folder
/// (<c>aspire-dcp*</c>: client certificates, every resource's console output), .NET's diagnostic sockets, backing
/// services' data. Without it, each killed or torn-down environment left <c>/tmp/aspire-dcp*</c> folders behind.
/// </summary>
public static class EnvironmentTemp
{
    /// <summary>The folder under the system temp folder that holds every environment's temp folder.</summary>
    public const string FolderName = "previewsdk-tmp";

    /// <summary>
    /// Creates the temp folder of the environment <paramref name="environmentId"/> under <paramref name="systemTemp"/>
    /// (by default this process's temp folder) and returns its path. Short on purpose: Unix socket paths (the
    /// orchestrator's, .NET's diagnostics) may not exceed 107 bytes.
    /// </summary>
    public static string Create(string environmentId, string? systemTemp = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(environmentId);
        var root = Path.Combine(systemTemp ?? Path.GetTempPath(), FolderName);
        var folder = Path.Combine(root, environmentId);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            // Shared by every user's environments, like /tmp itself; each environment's folder stays its owner's,
            // traversable so that a backing service running as another account reaches its data folder inside.
            TrySetMode(root, (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);
            TrySetMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return folder;
    }

    /// <summary>Deletes <paramref name="folder"/> and everything in it; quietly, since a teardown must not fail on a temp file.</summary>
    public static void Delete(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A process that outlived the teardown still writes there; PreviewPrune removes it later.
        }
    }

    /// <summary>
    /// The temp folders under <paramref name="systemTemp"/> whose environment has no process left and no state
    /// folder: what a killed app host (or an F5 run stopped with SIGKILL) left behind.
    /// </summary>
    public static IReadOnlyList<string> Orphans(IReadOnlySet<string> recordedIds, string? systemTemp = null)
    {
        ArgumentNullException.ThrowIfNull(recordedIds);
        var root = Path.Combine(systemTemp ?? Path.GetTempPath(), FolderName);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root)
            .Where(folder => !recordedIds.Contains(Path.GetFileName(folder)) && EnvironmentProcesses.Find(Path.GetFileName(folder)).Count == 0)
            .ToList();
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void TrySetMode(string path, UnixFileMode mode)
    {
        try
        {
            File.SetUnixFileMode(path, mode);
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's shared folder: it already has the mode it needs.
        }
    }
}
