using System.Globalization;

namespace PreviewSdk.Seeding.Scratch;

/// <summary>
/// Finds scratch servers whose owner died without stopping them (a killed build): each scratch folder records the
/// id of the process that owns it, and a folder whose owner is gone is stopped and deleted by the next start.
/// </summary>
internal static class ScratchLeftovers
{
    private const string OwnerFile = "owner.pid";

    /// <summary>Records the current process as the owner of <paramref name="folder"/>.</summary>
    public static void MarkOwned(string folder) =>
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stops and deletes every scratch server under <paramref name="root"/> whose owner is gone.</summary>
    public static void Remove(string root)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(root))
        {
            // A folder without the file is being created right now, or is not ours.
            if (ReadPid(Path.Combine(folder, OwnerFile)) is not { } owner || IsAlive(owner))
            {
                continue;
            }

            // postmaster.pid's first line is the server's pid; it is ours only if its command line names the folder.
            if (ReadPid(Path.Combine(folder, "pgdata", "postmaster.pid")) is { } server && CommandLine(server).Contains(folder, StringComparison.Ordinal))
            {
                Kill(server);
            }

            ScratchPostgres.DeleteFolder(folder);
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone meanwhile, or not ours to stop: the folder is still removed below if possible.
            return;
        }

        // Not our child, so no exit notification: watch /proc until it is gone or a zombie (dead, awaiting its parent).
        for (var waited = 0; waited < 10_000 && IsAlive(pid) && !IsZombie(pid); waited += 50)
        {
            Thread.Sleep(50);
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (command) state ..."; the command may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 1)..].TrimStart().StartsWith('Z');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int? ReadPid(string path)
    {
        try
        {
            var first = File.ReadLines(path).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
