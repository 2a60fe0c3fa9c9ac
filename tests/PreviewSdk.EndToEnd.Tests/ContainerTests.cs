using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PreviewSdk.EndToEnd.Tests.Infrastructure;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// The Shop's heavyweight profile with PostgreSQL and Redis as containers of the machine's real engine (Podman here,
/// started by build/engine.sh; images from build/images.sh), and the errors and fallbacks around an engine that is not
/// there. Another environment's container and one without labels are there throughout and must survive every cleanup.
/// </summary>
[TestClass]
public sealed class ContainerTests(TestContext testContext)
{
    private static readonly string[] Heavyweight = ["-p:PreviewProfile=heavyweight", $"-p:PreviewContainerRegistry={ContainerEngine.Registry}"];

    [TestMethod]
    public async Task Preview_HeavyweightWithContainers_IsSeededLimitedLabelledAndPreviewDownRemovesExactlyItsContainers()
    {
        var host = ContainerEngine.Require();
        using var decoys = new Decoys();
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "ctr", testContext);

        var up = preview.Preview(Heavyweight, Engine(host));

        Assert.AreEqual(0, up.ExitCode, up.ToString());
        Assert.Contains("postgres: container localhost/library/postgres:15 (auto: ", up.Output, up.ToString());
        Assert.Contains("cache: container localhost/library/redis:7 (auto: ", up.Output, up.ToString());
        Assert.MatchesRegex(@"(?m)^\s+data\s+shopdb: 4 tables, [\d,]+ rows, seed 42\s*$", up.Output, up.ToString());
        var record = preview.ReadEnvironment();
        var links = preview.ReadLinks();
        var token = StateFiles.ReadToken(preview.StateFolder);
        using var browser = new Browser();
        foreach (var service in links.Services)
        {
            var page = await browser.GetWithHeadersAsync(service.Url, WithToken(token), testContext.CancellationToken);
            Assert.AreEqual(HttpStatusCode.OK, page.Status, $"{service.Name}: {page}");
        }

        var containers = ContainerEngine.Containers(record.EnvironmentId);
        Assert.HasCount(2, containers, string.Join('\n', ContainerEngine.Labelled(record.EnvironmentId)));
        var networks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            var inspected = ContainerEngine.Inspect(container);
            var image = inspected.GetProperty("Config").GetProperty("Image").GetString()!;
            var labels = inspected.GetProperty("Config").GetProperty("Labels");
            Assert.AreEqual("shop", labels.GetProperty("previewsdk.app").GetString());
            Assert.AreEqual("shop", labels.GetProperty("previewsdk.team").GetString());
            Assert.IsFalse(string.IsNullOrEmpty(labels.GetProperty("previewsdk.owner").GetString()), image);
            var hostConfig = inspected.GetProperty("HostConfig");
            var (cpus, memory) = image.Contains("postgres", StringComparison.Ordinal) ? (1_000_000_000L, 1L << 30) : (500_000_000L, 256L << 20);
            Assert.AreEqual((cpus, memory), (hostConfig.GetProperty("NanoCpus").GetInt64(), hostConfig.GetProperty("Memory").GetInt64()), image);
            foreach (var binding in hostConfig.GetProperty("PortBindings").EnumerateObject().SelectMany(port => port.Value.EnumerateArray()))
            {
                Assert.AreEqual("127.0.0.1", binding.GetProperty("HostIp").GetString(), $"{image} publishes a port beyond loopback.");
            }

            foreach (var network in inspected.GetProperty("NetworkSettings").GetProperty("Networks").EnumerateObject())
            {
                networks.Add(network.Name);
            }
        }

        // -t:PreviewSeed reaches the container's database as it reaches a local one.
        var seed = preview.Seed("-p:PreviewSeedValue=7");
        Assert.AreEqual(0, seed.ExitCode, seed.ToString());
        Assert.Contains(", seed 7", seed.Output, seed.ToString());

        var down = preview.Down();

        Assert.AreEqual(0, down.ExitCode, down.ToString());
        EnvironmentAssert.LeftNothingBehind(preview, [record.EnvironmentId], down);
        Assert.IsEmpty(ContainerEngine.Labelled(record.EnvironmentId), down.ToString());
        foreach (var network in networks.Where(name => name != "podman" && name != "bridge"))
        {
            Assert.IsFalse(ContainerEngine.Exists("network", network), $"The network {network} of the environment is still there. {down}");
        }

        decoys.AssertSurvived();
    }

    [TestMethod]
    public async Task Preview_StagingLike_RunsShopApiAndShopWebAsHealthyContainersUntilItsTimeToLiveRemovesThem()
    {
        var host = ContainerEngine.Require();
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "staging", testContext);

        var up = preview.Preview(
            ["-p:PreviewProfile=staging-like", $"-p:PreviewContainerRegistry={ContainerEngine.Registry}", $"-p:PreviewContainerBaseImage={ContainerEngine.BaseImage}"],
            Engine(host));

        Assert.AreEqual(0, up.ExitCode, up.ToString());
        Assert.Contains($"shop-api: container localhost/previewsdk/shop-shop-api:{preview.Name}", up.Output, up.ToString());
        Assert.Contains("Building the image of 'shop-api' (dotnet publish -t:PublishContainer) into ", up.Output, up.ToString());
        Assert.MatchesRegex(@"(?m)^\s+data\s+shopdb: 4 tables, [\d,]+ rows, seed 42\s*$", up.Output, up.ToString());
        var record = preview.ReadEnvironment();
        var links = preview.ReadLinks();
        var images = ContainerEngine.Containers(record.EnvironmentId)
            .Select(container => ContainerEngine.Inspect(container).GetProperty("Config").GetProperty("Image").GetString()!)
            .ToList();
        CollectionAssert.IsSubsetOf(
            new[] { $"localhost/previewsdk/shop-shop-api:{preview.Name}", $"localhost/previewsdk/shop-shop-web:{preview.Name}" },
            images,
            string.Join('\n', images));
        var token = StateFiles.ReadToken(preview.StateFolder);
        using var browser = new Browser();
        var api = links.Services.Single(service => service.Name == "shop-api").Url;
        var health = await browser.GetWithHeadersAsync(new Uri(new Uri(api), "/health").ToString(), WithToken(token), testContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, health.Status, health.ToString());
        var web = await browser.GetWithHeadersAsync(links.Services.Single(service => service.Name == "shop-web").Url, WithToken(token), testContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, web.Status, web.ToString());

        // Its time to live passes; no command from here on: the app host stops itself, and its teardown removes what
        // is labelled (service containers and dependencies alike).
        var extend = preview.Extend("-p:PreviewTtl=5s");
        Assert.AreEqual(0, extend.ExitCode, extend.ToString());
        var stopwatch = Stopwatch.StartNew();
        while (Directory.Exists(preview.StateFolder) || ContainerEngine.Labelled(record.EnvironmentId).Count > 0)
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(150), stopwatch.Elapsed,
                $"Not torn down: {string.Join(", ", ContainerEngine.Labelled(record.EnvironmentId))}; state folder there: {Directory.Exists(preview.StateFolder)}.");
            Thread.Sleep(1000);
        }

        EnvironmentAssert.LeftNothingBehind(preview, [record.EnvironmentId], extend);
    }

    [TestMethod]
    public void PreviewList_AfterTheAppHostWasKilledWithContainersRunning_SweepsThemAll()
    {
        var host = ContainerEngine.Require();
        using var decoys = new Decoys();
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "ctrkill", testContext);
        var up = preview.Preview(Heavyweight, Engine(host));
        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var record = preview.ReadEnvironment();
        Assert.HasCount(2, ContainerEngine.Containers(record.EnvironmentId));

        EnvironmentProcessTable.Kill(record.HostProcessId);
        var stopwatch = Stopwatch.StartNew();
        while (EnvironmentProcessTable.Carries(record.HostProcessId, record.EnvironmentId))
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(10), stopwatch.Elapsed, $"The app host {record.HostProcessId} survived SIGKILL.");
            Thread.Sleep(100);
        }

        // The next command, whichever: PreviewList sweeps the registry before it lists.
        var list = preview.List();

        Assert.AreEqual(0, list.ExitCode, list.ToString());
        Assert.Contains($"Cleaned up preview '{preview.Name}' of 'shop': its app host is gone.", list.Output, list.ToString());
        EnvironmentAssert.LeftNothingBehind(preview, [record.EnvironmentId], list);
        Assert.IsEmpty(ContainerEngine.Labelled(record.EnvironmentId), list.ToString());
        decoys.AssertSurvived();
    }

    [TestMethod]
    public void Preview_AutoWithoutEngine_RunsTheLocalBinariesAndSaysSo()
    {
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "noengine", testContext);

        var up = preview.Preview(["-p:PreviewProfile=heavyweight"], Engine("unix:///tmp/previewsdk-no-engine-here.sock"));

        Assert.AreEqual(0, up.ExitCode, up.ToString());
        Assert.Contains("postgres: local binaries (auto: no container engine answers (unix:///tmp/previewsdk-no-engine-here.sock: no such socket))", up.Output, up.ToString());
        Assert.Contains("cache: local binaries (auto: no container engine answers", up.Output, up.ToString());
        var record = preview.ReadEnvironment();
        Assert.IsNull(record.ContainerEngine, "Nothing runs in a container, so no engine is recorded.");
        var down = preview.Down();
        Assert.AreEqual(0, down.ExitCode, down.ToString());
        EnvironmentAssert.LeftNothingBehind(preview, [record.EnvironmentId], down);
    }

    [TestMethod]
    public void Preview_ContainersWithoutEngine_IsPreview3030BeforeAnythingStarts()
    {
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "down3030", testContext);

        var up = preview.Preview(["-p:PreviewProfile=staging-like"], Engine("unix:///tmp/previewsdk-no-engine-here.sock"));

        AssertRefusedBeforeStart(preview, up, "error PREVIEW3030: 'postgres', 'cache', 'shop-api', 'shop-web' need a container engine, but none answers.");
        Assert.Contains("unix:///tmp/previewsdk-no-engine-here.sock: no such socket", up.Output, up.ToString());
    }

    [TestMethod]
    public void Preview_ImageNeitherPresentNorPullable_IsPreview3033BeforeAnythingStarts()
    {
        var host = ContainerEngine.Require();
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "img3033", testContext);

        // A registry path under which the engine has nothing, and which no registry serves.
        var up = preview.Preview(["-p:PreviewProfile=staging-like", "-p:PreviewContainerRegistry=localhost/previewsdk-nothing"], Engine(host));

        AssertRefusedBeforeStart(preview, up, "error PREVIEW3033: 'postgres' runs the image 'localhost/previewsdk-nothing/library/postgres:15', which ");
    }

    [TestMethod]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Preview_EngineSocketNotAccessible_IsPreview3031BeforeAnythingStarts()
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
        {
            Assert.Inconclusive("Needs root and setpriv to build without the capability that lets root open any socket.");
        }

        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "acc3031", testContext);
        var socketPath = Path.Combine(preview.StateRoot, "engine.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        socket.Listen();
        File.SetUnixFileMode(socketPath, UnixFileMode.None);

        // Root opens any socket through CAP_DAC_OVERRIDE; without it (and its reading twin), root is any user.
        var up = preview.Preview(
            ["-p:PreviewProfile=staging-like"],
            Engine($"unix://{socketPath}"),
            prefix: ["/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]);

        AssertRefusedBeforeStart(preview, up, $"error PREVIEW3031: 'postgres', 'cache', 'shop-api', 'shop-web' need a container engine, but its socket unix://{socketPath} may not be opened by this user.");
    }

    // Through the gateway, as automation reaches it: with the access token in its header.
    private static Dictionary<string, string> WithToken(string token) => new(StringComparer.Ordinal) { ["X-Preview-Token"] = token };

    private static Dictionary<string, string?> Engine(string dockerHost) => new(StringComparer.Ordinal) { ["DOCKER_HOST"] = dockerHost };

    private static void AssertRefusedBeforeStart(PreviewUnderTest preview, CommandResult up, string error)
    {
        Assert.AreNotEqual(0, up.ExitCode, up.ToString());
        Assert.Contains(error, up.Output, up.ToString());
        Assert.IsEmpty(preview.SeenEnvironmentIds, $"An environment was reserved or started. {up}");
        Assert.IsFalse(Directory.Exists(preview.StateFolder), $"The state folder {preview.StateFolder} was left. {up}");
        Assert.DoesNotContain("Exception", up.Output, up.ToString());
    }

    /// <summary>A container of another environment and one without labels: no cleanup may touch them.</summary>
    private sealed class Decoys : IDisposable
    {
        private readonly string other = $"previewsdk-test-other-{Guid.NewGuid().ToString("N")[..8]}";
        private readonly string unlabelled = $"previewsdk-test-unlabelled-{Guid.NewGuid().ToString("N")[..8]}";

        public Decoys()
        {
            ContainerEngine.Run("create", "--name", other, "--label", $"previewsdk.environment={Guid.NewGuid():N}", "--label", "previewsdk.app=shop",
                "localhost/library/redis:7");
            ContainerEngine.Run("create", "--name", unlabelled, "localhost/library/redis:7");
        }

        public void AssertSurvived()
        {
            Assert.IsTrue(ContainerEngine.Exists("container", other), "Another environment's container was removed.");
            Assert.IsTrue(ContainerEngine.Exists("container", unlabelled), "A container without labels was removed.");
        }

        public void Dispose()
        {
            ContainerEngine.TryRun("rm", "-f", other, unlabelled);
        }
    }
}
