using System.Diagnostics;
using Aspire.Hosting;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// The <c>dotnet</c> script of <see cref="DirectServiceStart"/>, run for real by bash: Aspire's command for a listed,
/// built project becomes <c>dotnet &lt;dll&gt; [arguments]</c>; every other command reaches the real dotnet unchanged.
/// The real dotnet is a stand-in here (a script that prints what it was given), so that nothing needs building.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DirectServiceStartTests
{
    private string folder = null!;
    private string script = null!;
    private string targets = null!;
    private string dll = null!;
    private string project = null!;

    [TestInitialize]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("previewsdk-direct-start-").FullName;
        script = DirectServiceStart.WriteScript(Path.Combine(folder, "launch"), "/bin/bash");
        var realDotnet = Path.Combine(folder, "real-dotnet");
        File.WriteAllText(realDotnet, "#!/bin/bash\nprintf '%s|' real \"$@\"\n");
        File.SetUnixFileMode(realDotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        project = Path.Combine(folder, "My Api", "My.Api.csproj");
        dll = Path.Combine(folder, "My Api", "bin", "My.Api.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.WriteAllText(dll, string.Empty);
        targets = Path.Combine(folder, DirectServiceStart.TargetsFileName);
        File.WriteAllText(targets, $"/elsewhere/Other.csproj\t/elsewhere/Other.dll\n{project}\t{dll}\n");
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [TestMethod]
    public void AspiresCommand_ForAListedProject_RunsItsDll()
    {
        Assert.AreEqual($"real|{dll}|", Run("run", "--project", project, "--no-build", "--configuration", "Debug", "--no-launch-profile"));
    }

    [TestMethod]
    public void AspiresCommand_WithArguments_PassesThemOnWithoutTheSeparator()
    {
        Assert.AreEqual($"real|{dll}|--urls|http://x|two words|", Run("run", "--project", project, "--no-build", "--no-launch-profile", "--", "--urls", "http://x", "two words"));
        Assert.AreEqual($"real|{dll}|--verbose|", Run("run", "--project", project, "--no-build", "--no-launch-profile", "--verbose"));
    }

    [TestMethod]
    public void AnythingElse_RunsTheRealDotnetUnchanged()
    {
        string[][] others =
        [
            ["run", "--project", project, "--configuration", "Debug", "--no-launch-profile"],   // builds first
            ["run", "--project", project, "--no-build", "--framework", "net10.0", "--no-launch-profile"],   // an option it does not know
            ["run", "--project", "/not/listed.csproj", "--no-build", "--no-launch-profile"],
            ["watch", "--non-interactive", "--project", project],
            ["--info"],
            [],
        ];
        foreach (var arguments in others)
        {
            Assert.AreEqual("real|" + string.Concat(arguments.Select(argument => argument + "|")), Run(arguments), string.Join(' ', arguments));
        }
    }

    [TestMethod]
    public void AListedProjectWhoseDllIsGone_RunsTheRealDotnet()
    {
        File.Delete(dll);

        Assert.AreEqual($"real|run|--project|{project}|--no-build|--no-launch-profile|", Run("run", "--project", project, "--no-build", "--no-launch-profile"));
    }

    private string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[DirectServiceStart.TargetsVariable] = targets;
        start.Environment[DirectServiceStart.DotnetVariable] = Path.Combine(folder, "real-dotnet");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        Assert.IsTrue(process.WaitForExit(30_000), "The script did not end.");
        Assert.AreEqual(0, process.ExitCode, error);
        return output;
    }
}
