using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the dotnet CLI as a child process, the way a developer or CI runs it, and captures its output. Builds run
/// without build servers or reused nodes, so that nothing a test starts outlives it unless the product leaves it.
/// </summary>
internal static partial class DotnetCli
{
    private const int Attempts = 3;

    // The test host may inherit these from the CLI that started it; a child build must find its own MSBuild, the
    // state root comes from each test's -p:PreviewStateRoot alone, and a child under GitHub Actions would publish its
    // links to the pull request that runs the tests (a test sets the GITHUB_ ones it wants).
    private static readonly string[] InheritedVariables =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH", "PREVIEW_STATE_ROOT",
        "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_EVENT_PATH", "GITHUB_REPOSITORY", "GITHUB_API_URL", "GITHUB_TOKEN",
    ];

    private static readonly Dictionary<string, string> QuietBuildVariables = new(StringComparer.Ordinal)
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
    };

    /// <summary>The dotnet executable itself (links resolved), which a test may link into a folder of its own.</summary>
    public static string HostPath { get; } = FindHost();

    /// <summary>
    /// Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/> and returns once it exited,
    /// or after <paramref name="timeout"/> (the process tree is then killed and the result says so). A build that failed
    /// only because another build had a file open (others build src/ at the same time) is run again.
    /// </summary>
    /// <param name="environment">Variables to set for the child; a null value removes one.</param>
    /// <param name="whileRunning">Called about every 200 ms while the child runs, and once after it exited.</param>
    /// <param name="prefix">A program (with its arguments) that runs dotnet, such as <c>setpriv …</c>; none by default.</param>
    public static CommandResult Run(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action? whileRunning = null,
        IReadOnlyList<string>? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        for (var attempt = 1; ; attempt++)
        {
            var result = RunOnce(workingDirectory, arguments, timeout, environment, whileRunning, prefix ?? []);
            if (result.ExitCode == 0 || attempt == Attempts || !IsTransientFileLock(result.Output))
            {
                return result;
            }

            Thread.Sleep(TimeSpan.FromSeconds(3));
        }
    }

    private static CommandResult RunOnce(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment,
        Action? whileRunning,
        IReadOnlyList<string> prefix)
    {
        var start = new ProcessStartInfo(prefix.Count > 0 ? prefix[0] : HostPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Count > 0 ? [.. prefix.Skip(1), HostPath, .. arguments] : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in QuietBuildVariables)
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
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

        var output = new StringBuilder();
        var lastLineAt = Stopwatch.GetTimestamp();
        void Append(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.Append(line.Data).Append('\n');
                    lastLineAt = Stopwatch.GetTimestamp();
                }
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var timedOut = false;
        while (!process.WaitForExit(200))
        {
            whileRunning?.Invoke();
            if (stopwatch.Elapsed > timeout)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                break;
            }
        }

        // Reads the rest of both output streams. Not with WaitForExit(timeout): with a finite timeout .NET does not
        // wait for redirected streams, and under load the result missed the command's last lines (a -t:PreviewList
        // whose listing never arrived). Until the streams end, or, when a grandchild (a build server) keeps them
        // open, until nothing arrived for a second since the exit: the command wrote everything before it exited.
        var exitedAt = Stopwatch.GetTimestamp();
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            var drained = process.WaitForExitAsync(limit.Token);
            while (!drained.IsCompleted && !limit.IsCancellationRequested)
            {
                long quietSince;
                lock (output)
                {
                    quietSince = Math.Max(lastLineAt, exitedAt);
                }

                if (Stopwatch.GetElapsedTime(quietSince) > TimeSpan.FromSeconds(1))
                {
                    break;
                }

                Thread.Sleep(50);
            }
        }

        whileRunning?.Invoke();
        var commandLine = "dotnet " + string.Join(' ', arguments.Select(Quote));
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        if (timedOut)
        {
            text += $"\n[killed by the test after {timeout.TotalSeconds:0} s]\n";
        }

        return new CommandResult(commandLine, timedOut ? -1 : process.ExitCode, text, stopwatch.Elapsed);
    }

    // Only a build that failed on a file another build held is retried; a PreviewSdk error is the result under test.
    private static bool IsTransientFileLock(string output) =>
        TransientFileLock().IsMatch(output) && !output.Contains("error PREVIEW", StringComparison.Ordinal);

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument;

    private static string FindHost()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath)
        {
            candidates.Add(hostPath);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "dotnet")));
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("The dotnet executable is neither DOTNET_HOST_PATH nor on PATH.");
        return File.ResolveLinkTarget(found, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(found);
    }

    [GeneratedRegex(@"MSB3021|MSB3027|CS2012|being used by another process|The process cannot access the file")]
    private static partial Regex TransientFileLock();
}
