using System.Diagnostics;
using PreviewSdk.Core.Containers;

namespace PreviewSdk.Core.Tests.Containers;

/// <summary>
/// The real container engine of the machine: the one that answers (DOCKER_HOST or a standard socket), else Podman
/// started by build/engine.sh (as root). Tests that need it are inconclusive where neither is possible.
/// </summary>
internal static class TestEngine
{
    private static readonly Lazy<ContainerEngine?> Found = new(Start);

    public static ContainerEngine Require()
    {
        if (Found.Value is not { } engine)
        {
            Assert.Inconclusive("No container engine answers here, and build/engine.sh could not start one (it needs root).");
            throw new UnreachableException();
        }

        return engine;
    }

    private static ContainerEngine? Start()
    {
        if (ContainerEngineProbe.FindAsync().GetAwaiter().GetResult().Engine is { } running)
        {
            return running;
        }

        var script = Path.Combine(RepositoryRoot.Find(), "build", "engine.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var host = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(line => line.StartsWith("DOCKER_HOST=", StringComparison.Ordinal));
        return process.ExitCode == 0 && host is not null
            ? ContainerEngineProbe.FindAsync([host["DOCKER_HOST=".Length..]]).GetAwaiter().GetResult().Engine
            : null;
    }
}
