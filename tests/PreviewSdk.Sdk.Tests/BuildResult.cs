using System.Text.RegularExpressions;

namespace PreviewSdk.Sdk.Tests;

/// <summary>What a <c>dotnet build</c> printed, with its errors and warnings parsed from MSBuild's canonical form.</summary>
internal sealed partial record BuildResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>The distinct errors (the console logger prints each again in its summary).</summary>
    public IReadOnlyList<BuildMessage> Errors => Messages("error");

    /// <summary>The distinct warnings.</summary>
    public IReadOnlyList<BuildMessage> Warnings => Messages("warning");

    /// <summary>The output, for assertion messages.</summary>
    public string Describe() => $"dotnet build exited with {ExitCode} after {Elapsed.TotalSeconds:0.0} s:\n{Output}";

    /// <summary>Asserts that the build succeeded without a warning.</summary>
    public void AssertCleanSuccess()
    {
        Assert.AreEqual(0, ExitCode, Describe());
        Assert.IsEmpty(Warnings, Describe());
    }

    /// <summary>Asserts that the build failed with exactly one error, of <paramref name="code"/>, and returns it.</summary>
    public BuildMessage AssertSingleError(string code)
    {
        Assert.AreNotEqual(0, ExitCode, Describe());
        Assert.HasCount(1, Errors, Describe());
        Assert.AreEqual(code, Errors[0].Code, Describe());
        return Errors[0];
    }

    private List<BuildMessage> Messages(string kind) => [.. Output
        .Split('\n')
        .Select(line => CanonicalPattern().Match(line.Trim()))
        .Where(match => match.Success && match.Groups["kind"].Value == kind)
        .Select(match => new BuildMessage(
            match.Groups["file"].Value.Trim(),
            match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            match.Groups["code"].Value,
            match.Groups["message"].Value))
        .Distinct()];

    // file(line,col): error CODE: message [project]   or   file : error CODE: message
    [GeneratedRegex(@"^(?<file>[^:(]*?)(\((?<line>\d+),(?<column>\d+)\))?\s?:\s(?<kind>error|warning)\s(?<code>[A-Za-z]+\d+):\s(?<message>.*?)(\s\[[^\]]*\])?$")]
    private static partial Regex CanonicalPattern();
}

/// <summary>One error or warning of the build output.</summary>
internal sealed record BuildMessage(string File, int Line, int Column, string Code, string Message);
