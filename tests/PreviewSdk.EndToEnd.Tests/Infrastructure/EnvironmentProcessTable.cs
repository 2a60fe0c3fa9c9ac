using System.Diagnostics;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Finds the processes of an environment the way the product promises they can be found: every one of them carries
/// <c>PREVIEW_ENVIRONMENT_ID=&lt;id&gt;</c> in <c>/proc/&lt;pid&gt;/environ</c>. Written apart from the product's own
/// scan on purpose, so a bug in that scan cannot hide itself.
/// </summary>
internal static class EnvironmentProcessTable
{
    /// <summary>A live process, with its command line for assertion messages.</summary>
    public sealed record Entry(int ProcessId, string CommandLine)
    {
        public override string ToString() => $"{ProcessId} {CommandLine}";
    }

    /// <summary>Every live process (zombies excepted: they hold no port, file or memory) that carries <paramref name="environmentId"/>.</summary>
    public static IReadOnlyList<Entry> Carrying(string environmentId)
    {
        var marker = $"PREVIEW_ENVIRONMENT_ID={environmentId}";
        var found = new List<Entry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && pid != System.Environment.ProcessId
                && TryRead($"{directory}/environ") is { } environ && environ.Split('\0').Contains(marker, StringComparer.Ordinal)
                && !IsZombie(pid))
            {
                found.Add(new Entry(pid, (TryRead($"{directory}/cmdline") ?? string.Empty).Replace('\0', ' ').Trim()));
            }
        }

        return found;
    }

    /// <summary>
    /// The variables <paramref name="processId"/> was started with (<c>/proc/&lt;pid&gt;/environ</c>), one per line; empty
    /// when it is gone. For a resource these are what Aspire passed it, which the dashboard shows.
    /// </summary>
    public static string Environment(int processId) => (TryRead($"/proc/{processId}/environ") ?? string.Empty).Replace('\0', '\n');

    /// <summary>Whether <paramref name="processId"/> runs and carries <paramref name="environmentId"/>.</summary>
    public static bool Carries(int processId, string environmentId) =>
        Carrying(environmentId).Any(entry => entry.ProcessId == processId);

    /// <summary>SIGKILLs every process that carries <paramref name="environmentId"/>: the last resort of a test's clean-up.</summary>
    public static void KillAll(string environmentId)
    {
        var stopwatch = Stopwatch.StartNew();
        while (Carrying(environmentId) is { Count: > 0 } survivors && stopwatch.Elapsed < TimeSpan.FromSeconds(10))
        {
            foreach (var survivor in survivors)
            {
                Kill(survivor.ProcessId);
            }

            Thread.Sleep(200);
        }
    }

    /// <summary>SIGKILLs one process, as <c>kill -9</c> does.</summary>
    public static void Kill(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    private static bool IsZombie(int pid)
    {
        var stat = TryRead($"/proc/{pid}/stat");
        if (stat is null)
        {
            return true;
        }

        // The state follows the command name, which is in parentheses and may itself hold spaces or parentheses.
        var afterName = stat.LastIndexOf(')');
        return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] is 'Z' or 'X';
    }

    // Reading another process's files fails when it exits meanwhile, for zombies (ESRCH) and for a few protected ones.
    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
