using Aspire.Hosting;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Limits;

namespace PreviewSdk.Hosting.Tests;

/// <summary>A private preview identity and state folder per test, removed afterwards with every process it started.</summary>
internal sealed class TestRuntime : IDisposable
{
    /// <param name="profile">The environment's profile.</param>
    /// <param name="templatesDirectory">Where seeded-data templates live; null for none.</param>
    /// <param name="detached">As started by <c>-t:Preview</c> (it then takes restart requests), not by F5.</param>
    /// <param name="templatesPerServer">How many templates of one server are kept (<c>PreviewTemplatesPerServer</c>).</param>
    public TestRuntime(string profile = "lightweight", string? templatesDirectory = null, bool detached = false, int templatesPerServer = Core.Templates.TemplateStore.DefaultPerServer)
    {
        StateDirectory = Directory.CreateTempSubdirectory("preview-hosting-test-").FullName;
        Runtime = new PreviewRuntime("test", profile, Guid.NewGuid().ToString("N"), StateDirectory)
        {
            TemplatesDirectory = templatesDirectory,
            IsDetached = detached,
            TemplatesPerServer = templatesPerServer,
        };
    }

    public string StateDirectory { get; }

    // Aspire finds DCP through metadata that the app host SDK stamps into an app host assembly; the empty test
    // host is one. (Aspire.Hosting.Testing's builder refuses an app host that is not the entry point's.)
    internal const string AppHostAssemblyName = "PreviewSdk.Hosting.TestHost";

    public PreviewRuntime Runtime { get; }

    /// <summary>
    /// A builder registered as a preview environment whose processes carry this runtime's id; with
    /// <paramref name="dashboard"/>, it runs Aspire's dashboard on free loopback ports (its telemetry receiver and API
    /// included), as a real environment does.
    /// </summary>
    public IDistributedApplicationBuilder CreateBuilder(bool dashboard = false)
    {
        // Children (DCP and every resource) inherit the test process's environment: this marks them as ours.
        Environment.SetEnvironmentVariable(PreviewVariables.EnvironmentId, Runtime.EnvironmentId);
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = dashboard
                ?
                [
                    $"--ASPNETCORE_URLS=http://127.0.0.1:{LoopbackPorts.Next()}",
                    $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{LoopbackPorts.Next()}",
                    $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{LoopbackPorts.Next()}",
                ]
                : [],
            DisableDashboard = !dashboard,
            AllowUnsecuredTransport = true,
            AssemblyName = AppHostAssemblyName,
        });
        // As PreviewApplication.CreateBuilder does for every environment: DCP gets the environment's certificate
        // instead of making an RSA key (1 to 4 s of a core) at each of these tests' starts, and its Go settings,
        // which the resources get back.
        OrchestratorLaunch.Install(builder, Path.Combine(StateDirectory, "launch", "orchestrator"), System.Reflection.Assembly.Load(AppHostAssemblyName));
        builder.AddPreviewEnvironment(Runtime);
        return builder;
    }

    /// <summary>Builds and starts the app host, and returns once it reported the environment ready.</summary>
    public async Task<DistributedApplication> StartUntilReadyAsync(IDistributedApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var app = builder.Build();
        await app.StartAsync(cancellationToken);
        await WaitForFileAsync<ReadyReport>(Path.Combine(StateDirectory, StateFiles.Ready), cancellationToken);
        return app;
    }

    /// <summary>Writes a file into the state folder (removed with it) and returns its path.</summary>
    public string Write(string fileName, string text)
    {
        var path = Path.Combine(StateDirectory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Waits until the state file at <paramref name="path"/> exists and reads it.</summary>
    public static async Task<T> WaitForFileAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        while (true)
        {
            if (StateJson.TryRead<T>(path) is { } value)
            {
                return value;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public void Dispose()
    {
        EnvironmentProcesses.Stop(new EnvironmentRecord
        {
            Name = Runtime.Name,
            App = "test",
            Profile = Runtime.Profile,
            EnvironmentId = Runtime.EnvironmentId,
            HostProcessId = Environment.ProcessId,
            StartedAt = DateTimeOffset.UtcNow,
            DashboardUrl = string.Empty,
        }, TimeSpan.Zero);
        EnvironmentCgroups.Remove(Runtime.EnvironmentId, id => EnvironmentProcesses.Find(id).Count > 0);
        Environment.SetEnvironmentVariable(PreviewVariables.EnvironmentId, null);
        var outside = Path.Combine(Path.GetTempPath(), "previewsdk-data", Runtime.EnvironmentId);
        if (Directory.Exists(outside))
        {
            Directory.Delete(outside, recursive: true);
        }

        Directory.Delete(StateDirectory, recursive: true);
    }
}
