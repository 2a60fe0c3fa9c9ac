using System.Diagnostics;
using System.Text;
using PreviewSdk.EndToEnd.Tests.Infrastructure;
using PreviewSdk.EndToEnd.Tests.Workspaces;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// An F5 run (<c>dotnet run</c> on the preview project) lives as long as the process that started it: killing that
/// process outright (SIGKILL, which <c>dotnet run</c> cannot pass on) stops the whole environment and leaves no temp folder.
/// </summary>
[TestClass]
public sealed class F5RunTests(TestContext testContext)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    [TestMethod]
    public void DotnetRun_KilledWithSigkill_StopsTheWholeEnvironment()
    {
        using var workspace = new TempFolder("previewsdk-e2e-f5-");
        // The F5 run registers itself in the registry, as -t:Preview would: this test's own root, not the machine's.
        using var stateRoot = new TempFolder("previewsdk-e2e-f5-state-");
        ProbeProjects.WriteProbe(workspace);
        var project = ProbeProjects.WritePreviewFromSource(workspace, "probe-f5", "app: probe-f5\n");
        var build = DotnetCli.Run(workspace.Root, ["build", project, "-tl:off"], StartTimeout);
        Assert.AreEqual(0, build.ExitCode, build.ToString());

        var output = new StringBuilder();
        var start = new ProcessStartInfo(DotnetCli.HostPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["PREVIEW_STATE_ROOT"] = stateRoot.Root;
        foreach (var argument in new[] { "run", "--no-build", "--project", project })
        {
            start.ArgumentList.Add(argument);
        }

        using var run = Process.Start(start)!;
        run.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        run.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();
        string? environmentId = null;
        try
        {
            Assert.IsTrue(WaitUntil(() => Text(output).Contains("Preview 'local' (lightweight) is ready", StringComparison.Ordinal), StartTimeout), Text(output));
            // No build prints the links of an F5 run: the app host's console gets the shared link, with its own token
            // (in the state folder it registered under this test's root).
            Assert.IsTrue(WaitUntil(() => ResourcesFiles(stateRoot.Root).Length == 1, TimeSpan.FromSeconds(30)), "The F5 run registered no state folder.");
            var stateFolder = Path.GetDirectoryName(ResourcesFiles(stateRoot.Root)[0])!;
            var token = File.ReadAllText(Path.Combine(stateFolder, "access-token")).Trim();
            Assert.IsTrue(WaitUntil(() => Text(output).Contains("Preview 'local': open http://local.localhost:", StringComparison.Ordinal), TimeSpan.FromSeconds(10)), Text(output));
            Assert.Contains($"/?preview_token={token} (the shared link", Text(output));
            environmentId = EnvironmentIdOfServices(stateRoot.Root);
            Assert.IsNotNull(environmentId, $"No service of the F5 run carries an environment id.\n{Text(output)}");
            Assert.IsNotEmpty(EnvironmentProcessTable.Carrying(environmentId));
            var temp = PreviewUnderTest.TempFolderOf(environmentId);
            Assert.IsTrue(Directory.Exists(temp), $"The F5 run has no temp folder of its own at {temp}.");

            EnvironmentProcessTable.Kill(run.Id);

            Assert.IsTrue(WaitUntil(() => EnvironmentProcessTable.Carrying(environmentId).Count == 0, StopTimeout),
                $"Still running {StopTimeout.TotalSeconds} s after dotnet run was killed:\n{string.Join('\n', EnvironmentProcessTable.Carrying(environmentId))}");
            Assert.IsTrue(WaitUntil(() => !Directory.Exists(temp), TimeSpan.FromSeconds(10)), $"{temp} is still there.");
            Assert.IsTrue(WaitUntil(() => ResourcesFiles(stateRoot.Root).Length == 0, TimeSpan.FromSeconds(10)), "The F5 run's state folder is still registered.");
        }
        finally
        {
            testContext.WriteLine(Text(output));
            if (environmentId is not null)
            {
                EnvironmentProcessTable.KillAll(environmentId);
                PreviewUnderTest.DeleteQuietly(PreviewUnderTest.TempFolderOf(environmentId));
            }

            if (!run.HasExited)
            {
                run.Kill(entireProcessTree: true);
            }
        }
    }

    // The app host's own environment block predates the id it sets for itself, and Aspire's orchestrator detaches from
    // it; the services carry the id, and the F5 run's state folder (in the registry) has their process ids.
    private static string? EnvironmentIdOfServices(string stateRoot)
    {
        if (ResourcesFiles(stateRoot) is not [var resources])
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(resources));
        return json.RootElement.GetProperty("resources").EnumerateArray()
            .SelectMany(resource => resource.TryGetProperty("processIds", out var ids) ? ids.EnumerateArray().Select(id => id.GetInt32()) : [])
            .Select(ReadEnvironmentId)
            .FirstOrDefault(id => id is not null);
    }

    private static string[] ResourcesFiles(string stateRoot) =>
        Directory.Exists(stateRoot) ? Directory.GetFiles(stateRoot, "resources.json", SearchOption.AllDirectories) : [];

    private static string? ReadEnvironmentId(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0')
                .FirstOrDefault(variable => variable.StartsWith("PREVIEW_ENVIRONMENT_ID=", StringComparison.Ordinal))?["PREVIEW_ENVIRONMENT_ID=".Length..];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
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

            Thread.Sleep(250);
        }

        return true;
    }
}
