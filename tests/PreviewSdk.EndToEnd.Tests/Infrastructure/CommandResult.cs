using System.Globalization;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>What a finished child process did: its command line, exit code, merged output and duration.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Duration)
{
    /// <summary>One line for the test log.</summary>
    public string Summary =>
        string.Create(CultureInfo.InvariantCulture, $"`{CommandLine}` exited with {ExitCode} after {Duration.TotalSeconds:0.0} s");

    /// <summary>The summary and the whole output, for an assertion message.</summary>
    public override string ToString() => $"{Summary}. Output:\n{Output}";
}
