using System.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

/// <summary>
/// A real child process that carries an environment id in <c>PREVIEW_ENVIRONMENT_ID</c>, as every process of an
/// environment does; killed when disposed if a test left it running.
/// </summary>
internal sealed class MarkedProcess : IDisposable
{
    private readonly Process process;

    private MarkedProcess(Process process, string? environmentId)
    {
        this.process = process;
        EnvironmentId = environmentId;
    }

    public string? EnvironmentId { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The exit code, once <see cref="WaitForExit"/> returned true.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Starts <c>/bin/sh -c <paramref name="script"/></c> with the marker (none when <paramref name="environmentId"/> is null).</summary>
    public static MarkedProcess Start(string? environmentId, string script = "exec sleep 60")
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment.Remove(PreviewVariables.EnvironmentId);
        if (environmentId is not null)
        {
            start.Environment[PreviewVariables.EnvironmentId] = environmentId;
        }

        var process = Process.Start(start)!;
        if (script.StartsWith("exec ", StringComparison.Ordinal))
        {
            // Until the shell has exec'd its command, /proc shows a process in transition; on a loaded machine a
            // test could look in that moment. Wait for the command it runs for good.
            var command = script["exec ".Length..].Split(' ')[0];
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && !process.HasExited && !RunsCommand(process.Id, command))
            {
                Thread.Sleep(10);
            }
        }

        return new MarkedProcess(process, environmentId);
    }

    private static bool RunsCommand(int pid, string command)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return Path.GetFileName(arguments[0]) == command;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static string NewId() => "test-" + Guid.NewGuid().ToString("N");

    /// <summary>Waits until the process has exited; true when it did within <paramref name="timeout"/>.</summary>
    public bool WaitForExit(TimeSpan timeout) => process.WaitForExit(timeout);

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
