using System.Diagnostics;
using System.Runtime.InteropServices;
using PreviewSdk.Core.Limits;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// Finds and stops the processes of an environment. Every process of an environment inherits its id in
/// <see cref="PreviewVariables.EnvironmentId"/> from the app host (DCP, services, databases), and the kernel keeps
/// a process's initial environment readable in <c>/proc/&lt;pid&gt;/environ</c>: so the processes are found even
/// when the app host was killed and its children were re-parented or started their own sessions.
/// </summary>
public static class EnvironmentProcesses
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Whether the recorded app host runs, and is still that environment's (not a reused process id).</summary>
    public static bool IsHostAlive(EnvironmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Carries(record.HostProcessId, Marker(record.EnvironmentId))
            || (record.HostStartTime is { } started && record.HostProcessId > 0 && StartTimeOf(record.HostProcessId) == started);
    }

    /// <summary>
    /// When process <paramref name="pid"/> started, in clock ticks since boot (<c>/proc/&lt;pid&gt;/stat</c>, field 22):
    /// with the id, it names one process for good. Null when it does not run (or is a zombie).
    /// </summary>
    public static long? StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces; the fields after it are plain.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] is "Z" or "X" ? null : long.Parse(fields[19], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The ids of every live process that carries <paramref name="environmentId"/>.</summary>
    public static IReadOnlyList<int> Find(string environmentId)
    {
        var marker = Marker(environmentId);
        if (!Directory.Exists("/proc"))
        {
            return [];
        }

        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var pid) && pid != Environment.ProcessId && Carries(pid, marker))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>
    /// Stops the environment: asks the app host to shut down (it stops its resources), waits up to
    /// <paramref name="grace"/>, then terminates and finally kills whatever still carries the id.
    /// Returns the ids of processes that survived, which is empty on success.
    /// </summary>
    public static IReadOnlyList<int> Stop(EnvironmentRecord record, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (IsHostAlive(record))
        {
            Signal(record.HostProcessId, SigTerm);
            WaitUntil(() => !IsHostAlive(record), grace);
        }

        return StopRemaining(record.EnvironmentId);
    }

    /// <summary>
    /// Terminates, then kills, every process but this one that carries <paramref name="environmentId"/> or runs in
    /// its cgroups: what an app host that stopped itself does last. Returns the ids of processes that survived,
    /// which is empty on success.
    /// </summary>
    public static IReadOnlyList<int> StopRemaining(string environmentId)
    {
        foreach (var pid in Remaining(environmentId))
        {
            Signal(pid, SigTerm);
        }

        if (WaitUntil(() => Remaining(environmentId).Count == 0, TimeSpan.FromSeconds(5)))
        {
            return [];
        }

        foreach (var pid in Remaining(environmentId))
        {
            Signal(pid, SigKill);
        }

        WaitUntil(() => Remaining(environmentId).Count == 0, TimeSpan.FromSeconds(5));
        return Remaining(environmentId);
    }

    // Processes in the environment's cgroups are its own too, also those that overwrote their environment block.
    private static IReadOnlyList<int> Remaining(string environmentId) =>
        [.. Find(environmentId).Union(EnvironmentCgroups.ProcessesOf(environmentId).Where(pid => pid != Environment.ProcessId && IsLive(pid)))];

    private static bool IsLive(int pid)
    {
        try
        {
            return !IsZombie(pid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Marker(string environmentId) => $"{PreviewVariables.EnvironmentId}={environmentId}";

    private static bool Carries(int pid, string marker)
    {
        try
        {
            var environment = File.ReadAllText($"/proc/{pid}/environ");
            return environment.Split('\0').Contains(marker, StringComparer.Ordinal) && !IsZombie(pid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // A zombie has exited and only waits for its parent to reap it; it holds no port, file or memory.
    private static bool IsZombie(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var afterName = stat.LastIndexOf(')');
        return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] is 'Z' or 'X';
    }

    private static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(100);
        }

        return true;
    }

    private static void Signal(int pid, int signal)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }

            return;
        }

        _ = Kill(pid, signal);
    }

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code for one int call.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
