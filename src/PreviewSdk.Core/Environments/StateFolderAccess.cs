using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// Tells a state folder PreviewSdk cannot write (read-only, owned by someone else, immutable with <c>chattr +i</c>,
/// on a full or read-only file system) from a bug: the first is a user's to fix and gets
/// <see cref="DiagnosticCodes.StateFolderNotWritable"/> with the path; it was PREVIEW9001 with a stack trace.
/// </summary>
public static class StateFolderAccess
{
    private const int ReadOnlyFileSystem = 30;
    private const int NoSpaceLeft = 28;

    /// <summary>
    /// Writes and deletes a probe file in <paramref name="root"/> and <paramref name="folders"/> below it: the
    /// diagnostic naming the first that fails, or null when all can be written. With <paramref name="create"/> a
    /// missing folder is created first (a start needs them); without, it is passed over (a command that only
    /// reads or deletes must leave a missing root missing).
    /// </summary>
    /// <param name="root">The state root.</param>
    /// <param name="create">Whether to create missing folders.</param>
    /// <param name="folders">Folders below it the command writes to (relative, or absolute below the root).</param>
    public static PreviewDiagnostic? Check(string root, bool create, params string[] folders)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var folder in folders.Select(folder => Path.Combine(root, folder)).Prepend(root))
        {
            if (!create && !Directory.Exists(folder))
            {
                continue;
            }

            try
            {
                Directory.CreateDirectory(folder);
                var probe = Path.Combine(folder, $".write-probe-{Environment.ProcessId}");
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
            }
            catch (Exception e) when (IsAccessProblem(e))
            {
                return Describe(folder, e);
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="exception"/> is the file system refusing a write, not a bug.</summary>
    /// <param name="exception">What a state folder operation threw.</param>
    public static bool IsAccessProblem(Exception exception) =>
        exception is UnauthorizedAccessException
        || (exception is IOException io && io.HResult is ReadOnlyFileSystem or NoSpaceLeft)
        || (exception is IOException && exception.InnerException is UnauthorizedAccessException);

    /// <summary>The diagnostic for a state folder <paramref name="folder"/> that <paramref name="exception"/> says cannot be written.</summary>
    /// <param name="folder">The folder (or file) that could not be written.</param>
    /// <param name="exception">The operating system's refusal.</param>
    public static PreviewDiagnostic Describe(string folder, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return DiagnosticFactory.Create(DiagnosticCodes.StateFolderNotWritable, SourceLocation.WholeFile(folder), folder, exception.Message);
    }
}
