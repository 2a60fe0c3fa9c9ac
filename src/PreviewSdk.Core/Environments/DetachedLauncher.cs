using System.Diagnostics;
using System.Globalization;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// Starts a program that outlives the build that started it. A child of an MSBuild task inherits the build's
/// output pipes and session: the build would then wait for it, or take it down when the terminal closes. So the
/// program starts in its own session (<c>setsid</c>) with its output in a file and no input.
/// </summary>
public static class DetachedLauncher
{
    /// <summary>Starts <paramref name="command"/> detached and returns its process id.</summary>
    /// <param name="command">The program and its arguments.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="environment">Variables to set on top of the current environment; a null value removes one.</param>
    /// <param name="logPath">The file that receives its standard output and error.</param>
    public static int Start(IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string?> environment, string logPath)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(environment);
        // A non-interactive shell runs "&" jobs in its own process group, so setsid needs no fork and the printed
        // $! is the program's own id once setsid execs it.
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=\"$1\"; shift; setsid \"$@\" >\"$log\" 2>&1 </dev/null & echo $!");
        start.ArgumentList.Add("preview-launcher");
        start.ArgumentList.Add(logPath);
        foreach (var part in command)
        {
            start.ArgumentList.Add(part);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var shell = Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/sh.");
        shell.StandardInput.Close();
        var output = shell.StandardOutput.ReadToEnd();
        var error = shell.StandardError.ReadToEnd();
        shell.WaitForExit();
        if (shell.ExitCode != 0 || !int.TryParse(output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            throw new InvalidOperationException($"Could not start '{string.Join(' ', command)}' detached: {error.Trim()}");
        }

        return pid;
    }
}
