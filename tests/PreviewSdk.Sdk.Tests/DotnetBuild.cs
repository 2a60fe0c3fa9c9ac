using System.Collections;
using System.Diagnostics;
using System.Text;

namespace PreviewSdk.Sdk.Tests;

/// <summary>Runs <c>dotnet build</c> on a test project as a child process and captures what it printed.</summary>
internal static class DotnetBuild
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Builds <paramref name="projectPath"/> with the state root <paramref name="stateRoot"/> and extra
    /// <paramref name="arguments"/>. No build server or node outlives the build (<c>--disable-build-servers</c>),
    /// so a test run leaves no process behind.
    /// </summary>
    public static BuildResult Run(string projectPath, string stateRoot, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = Path.GetDirectoryName(projectPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", projectPath, "-nologo", "-tl:off", "-v:m", "--disable-build-servers", $"-p:PreviewStateRoot={stateRoot}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        CleanEnvironment(start.Environment);
        start.Environment["PREVIEW_STATE_ROOT"] = stateRoot;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"dotnet build {projectPath} did not finish within {Timeout}. Output so far:\n{Text(output)}");
        }

        process.WaitForExit(); // drains the redirected output
        return new BuildResult(process.ExitCode, Text(output), stopwatch.Elapsed);
    }

    private static string DotnetExecutable() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    // The test host runs under `dotnet test`, whose MSBuild variables would leak into the child build; the
    // variables of a preview environment would make the child believe it runs inside one; and under GitHub Actions
    // the child would comment on the pull request that runs the tests.
    private static void CleanEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("PREVIEW_", StringComparison.Ordinal)
                || name.StartsWith("GITHUB_", StringComparison.Ordinal)
                || name is "DOTNET_HOST_PATH" or "DOTNET_CLI_TELEMETRY_SESSIONID")
            {
                environment.Remove(name);
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
