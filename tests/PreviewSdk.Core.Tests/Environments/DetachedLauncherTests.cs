using System.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

/// <summary>Starting a program that outlives the build: its own session, output to a file, its own variables.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class DetachedLauncherTests
{
    [TestMethod]
    public void Start_ReturnsThePidOfTheProgramRunningInItsOwnSession()
    {
        using var folder = new TempFolder();
        var pid = DetachedLauncher.Start(["sleep", "30"], folder.Root, new Dictionary<string, string?>(), folder.PathOf("out.log"));
        try
        {
            // The shell prints the pid before the child has called setsid and exec'd: wait for both.
            WaitFor(() => CommandLine(pid) == "sleep\030\0", $"process {pid} runs sleep 30 (it runs '{CommandLine(pid)}')");
            WaitFor(() => StatField(pid, 6) == pid, $"process {pid} leads its own session (session {StatField(pid, 6)})");
            Assert.AreEqual(pid, StatField(pid, 5), "it leads its own process group too");
        }
        finally
        {
            Kill(pid);
        }
    }

    [TestMethod]
    public void Start_SendsOutputToTheLogFile()
    {
        using var folder = new TempFolder();
        var log = folder.PathOf("logs", "apphost.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);

        var pid = DetachedLauncher.Start(
            ["sh", "-c", "echo hello; echo oops >&2; pwd; sleep 30"], folder.Root, new Dictionary<string, string?>(), log);
        try
        {
            WaitFor(() => ReadShared(log) == $"hello\noops\n{folder.Root}\n", $"the log holds the output (it holds '{ReadShared(log)}')");
            Assert.IsTrue(IsRunning(pid), "the program still runs after its output was written");
        }
        finally
        {
            Kill(pid);
        }
    }

    [TestMethod]
    public void Start_SetsAndRemovesVariables()
    {
        using var folder = new TempFolder();
        var removed = Environment.GetEnvironmentVariable("HOME") is not null ? "HOME" : "PATH";
        var environment = new Dictionary<string, string?> { [PreviewVariables.EnvironmentId] = "launcher-test", [removed] = null };

        var pid = DetachedLauncher.Start(["sleep", "30"], folder.Root, environment, folder.PathOf("out.log"));
        try
        {
            WaitFor(() => CommandLine(pid) == "sleep\030\0", "sleep runs");
            var variables = File.ReadAllText($"/proc/{pid}/environ").Split('\0');
            CollectionAssert.Contains(variables, $"{PreviewVariables.EnvironmentId}=launcher-test");
            Assert.IsFalse(variables.Any(v => v.StartsWith(removed + "=", StringComparison.Ordinal)), $"{removed} was removed");
        }
        finally
        {
            Kill(pid);
        }
    }

    [TestMethod]
    public void Start_MissingProgram_StillReturnsAPidWhoseFailureIsInTheLog()
    {
        using var folder = new TempFolder();
        var log = folder.PathOf("out.log");

        var pid = DetachedLauncher.Start(["/nonexistent/program"], folder.Root, new Dictionary<string, string?>(), log);

        Assert.IsGreaterThan(0, pid);
        WaitFor(() => !IsRunning(pid), "the failed start ends");
        WaitFor(() => ReadShared(log).Contains("/nonexistent/program", StringComparison.Ordinal), "setsid reports the failure in the log");
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    // Fields of /proc/<pid>/stat, numbered as in proc(5): 1 pid, 2 (comm), 3 state, 4 ppid, 5 pgrp, 6 session.
    private static int StatField(int pid, int field)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(afterName[field - 3], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }

        WaitFor(() => !IsRunning(pid), $"process {pid} is gone");
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, "Timed out waiting until " + what);
            Thread.Sleep(20);
        }
    }
}
