using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PreviewSdk.Core.Binaries;

/// <summary>What a program that ran to its end printed, and how it ended.</summary>
/// <param name="ExitCode">The exit code; -1 when the program could not be started.</param>
/// <param name="Output">Standard output and error, interleaved as they arrived.</param>
public sealed record ProgramResult(int ExitCode, string Output)
{
    /// <summary>True when the program exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last <paramref name="count"/> non-empty lines, for a diagnostic's details.</summary>
    /// <param name="count">How many lines.</param>
    public string LastLines(int count = 15) =>
        string.Join('\n', Output.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).TakeLast(count));
}

/// <summary>
/// Runs a local program (initdb, git, dotnet) to its end and captures its output. Cancelling kills the program
/// and its children, so Ctrl+C never leaves a half-finished <c>dotnet ef</c> or <c>initdb</c> behind.
/// </summary>
public static class ExternalProgram
{
    /// <summary>
    /// Variables of the build that must not reach a child <c>dotnet</c>: they would point it at the calling
    /// build's MSBuild instead of its own.
    /// </summary>
    private static readonly string[] BuildVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>Runs <paramref name="program"/> to its end, its input closed, without the calling build's MSBuild variables.</summary>
    /// <param name="program">The program, a path or a name on PATH.</param>
    /// <param name="arguments">Its arguments, passed as they are (no shell).</param>
    /// <param name="workingDirectory">Where it runs; null for the current folder.</param>
    /// <param name="cancellationToken">Kills the program and its children.</param>
    /// <param name="environment">Variables added to the inherited ones.</param>
    /// <param name="input">Written to its standard input before it is closed (PostgreSQL's single-user mode reads its
    /// statements there, which keeps a password out of the command line); null for none.</param>
    public static async Task<ProgramResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null,
        string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in BuildVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new ProgramResult(-1, $"'{program}' could not be started: {e.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            try
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
            }
            catch (IOException)
            {
                // It exited before reading everything; its exit code and output say why.
            }
        }

        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        lock (output)
        {
            return new ProgramResult(process.ExitCode, output.ToString());
        }
    }

    /// <summary>The dotnet host the build runs on (<c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> from PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The command line as a person would type it, for messages.</summary>
    /// <param name="program">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    public static string Describe(string program, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { Path.GetFileName(program) }.Concat(arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)));

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

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }
}
