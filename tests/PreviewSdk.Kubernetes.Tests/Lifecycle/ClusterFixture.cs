using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Lifecycle;
using PreviewSdk.Kubernetes.Rendering;
using PreviewSdk.Kubernetes.Settings;
using PreviewSdk.Kubernetes.Tests.Infrastructure;
using PreviewSdk.Kubernetes.Tests.StandIn;

namespace PreviewSdk.Kubernetes.Tests.Lifecycle;

/// <summary>A stand-in API server, a kubeconfig for it, and the Shop sample's environment ready to bring up there.</summary>
internal sealed class ClusterFixture : IAsyncDisposable
{
    private ClusterFixture(KubernetesApiStandIn server, string folder, KubernetesSettings settings)
    {
        Server = server;
        Folder = folder;
        Settings = settings;
    }

    public KubernetesApiStandIn Server { get; }

    public string Folder { get; }

    public KubernetesSettings Settings { get; }

    public RecordingReporter Reporter { get; } = new();

    public static async Task<ClusterFixture> StartAsync()
    {
        RolloutWait.Poll = TimeSpan.FromMilliseconds(100);
        var server = await KubernetesApiStandIn.StartAsync();
        var folder = Directory.CreateTempSubdirectory("previewsdk-cluster-").FullName;
        var settings = ShopSample.Settings() with { Kubeconfig = server.WriteKubeconfig(folder) };
        return new ClusterFixture(server, folder, settings);
    }

    public ClusterConnection Connect()
    {
        var diagnostics = new DiagnosticBag();
        var connection = ClusterConnection.Open(Settings, SourceLocation.WholeFile("Shop.Preview.csproj"), diagnostics);
        Assert.IsNotNull(connection, string.Join("\n", diagnostics));
        return connection;
    }

    public KubernetesUpRequest Up(string profile = "lightweight", string environment = "main", TimeSpan? timeout = null, RenderRequest? request = null)
    {
        request ??= ShopSample.Request(profile, Settings, environment);
        return new KubernetesUpRequest
        {
            Environment = EnvironmentRenderer.Render(request),
            Request = request,
            Footprint = Core.Budgets.EnvironmentFootprint.Of(request.Plan, request.Profile),
            ProjectPath = "Shop.Preview.csproj",
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            Sweeper = SweeperObjects.Render(request.ProductImages.Sweeper, ShopSample.SdkVersion),
            SdkVersion = ShopSample.SdkVersion,
            Variables = _ => null,
        };
    }

    public async Task<bool> UpAsync(KubernetesUpRequest up)
    {
        using var connection = Connect();
        var lifecycle = new KubernetesLifecycle(connection, Reporter);
        var succeeded = await lifecycle.UpAsync(up, CancellationToken.None);
        Published = lifecycle.Published;
        return succeeded;
    }

    /// <summary>What the last <see cref="UpAsync"/> handed on for the pull request comment.</summary>
    public (Core.Links.EnvironmentLinks Links, Core.Environments.EnvironmentRecord Record)? Published { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
