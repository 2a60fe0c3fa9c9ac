using System.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;

namespace PreviewSdk.Observability.Tests.Infrastructure;

/// <summary>
/// An environment in a registry of its own, as <c>-t:Preview</c> leaves one: a record whose app host is a real process
/// carrying the environment's id (a <c>sleep</c>), and links to services given by the test.
/// </summary>
internal sealed class RunningEnvironment : IDisposable
{
    private readonly Process host;

    public RunningEnvironment(string projectPath, IReadOnlyList<ServiceLink> services)
    {
        StateRoot = Directory.CreateTempSubdirectory("previewsdk-observability-").FullName;
        Folder = new EnvironmentRegistry(StateRoot).FolderOf("shop", "obs");
        var environmentId = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("/bin/sleep", "300") { UseShellExecute = false };
        start.Environment[PreviewVariables.EnvironmentId] = environmentId;
        host = Process.Start(start)!;
        var record = new EnvironmentRecord
        {
            Name = "obs",
            App = "shop",
            Profile = "lightweight",
            EnvironmentId = environmentId,
            HostProcessId = host.Id,
            StartedAt = DateTimeOffset.UtcNow,
            ProjectPath = projectPath,
            DashboardUrl = "http://127.0.0.1:1",
        };
        StateJson.Write(Path.Combine(Folder, StateFiles.Record), record);
        StateJson.Write(Path.Combine(Folder, StateFiles.LinksJson), new EnvironmentLinks
        {
            Environment = "obs",
            Profile = "lightweight",
            ReadyAt = DateTimeOffset.UtcNow,
            Directory = "http://obs.localhost:1/",
            SharedLink = "http://obs.localhost:1/",
            TokenRequired = false,
            Dashboard = "http://127.0.0.1:1/login?t=x",
            Services = services,
        });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!EnvironmentProcesses.IsHostAlive(record) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }
    }

    public string StateRoot { get; }

    public string Folder { get; }

    public void Dispose()
    {
        if (!host.HasExited)
        {
            host.Kill();
            host.WaitForExit(5000);
        }

        host.Dispose();
        Directory.Delete(StateRoot, recursive: true);
    }
}
