using System.Net;
using System.Text.Json;
using Npgsql;
using PreviewSdk.EndToEnd.Tests.Infrastructure;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// The Shop sample's services started as their built assemblies (<c>dotnet Shop.Api.dll</c>) instead of through a
/// resident <c>dotnet run</c>: they still get their variables, find each other by service discovery, turn healthy,
/// run their replicas, and -t:PreviewDown leaves nothing. The lightweight profile's runtime and PostgreSQL settings
/// reach the real processes; the heavyweight profile's processes keep the defaults.
/// </summary>
[TestClass]
public sealed class LeanServiceStartTests(TestContext testContext)
{
    private static readonly string[] Services = ["Shop.Api", "Shop.Web", "Shop.Worker"];

    [TestMethod]
    public async Task Lightweight_ServicesRunWithoutLauncher_WithTheirVariablesDiscoveryAndHealth_AndTheLeanSettings()
    {
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "lean", testContext);

        var up = preview.Preview();

        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var record = preview.ReadEnvironment();
        var services = AssertStartedDirectly(preview, record.EnvironmentId, up);
        Assert.HasCount(1, services["Shop.Api"], "The lightweight profile runs one shop-api.");

        // Variables: Aspire's (connection string, service discovery, telemetry), preview.yaml's and the profile's.
        var api = Variables(services["Shop.Api"][0]);
        var web = Variables(services["Shop.Web"][0]);
        var worker = Variables(services["Shop.Worker"][0]);
        StringAssert.Contains(api, "\nConnectionStrings__shopdb=Host=127.0.0.1;", "shop-api lost its connection string.");
        StringAssert.Contains(api, "\nShop__SeedDemoData=false\n", "shop-api lost its services: env: from preview.yaml.");
        StringAssert.Matches(web, new System.Text.RegularExpressions.Regex(@"\nservices__shop-api__http__0=http://(localhost|127\.0\.0\.1):\d+\n"), "shop-web lost the service discovery entry of shop-api.");
        StringAssert.Contains(worker, "\nOrders__PollInterval=00:00:10\n", "shop-worker lost its lightweight profile's env:.");
        foreach (var variables in new[] { api, web, worker })
        {
            StringAssert.Contains(variables, "\nOTEL_EXPORTER_OTLP_ENDPOINT=http://", "A service lost its telemetry endpoint.");
            StringAssert.Contains(variables, "\nDOTNET_gcServer=0\n", "A lightweight service runs without workstation GC.");
            StringAssert.Contains(variables, "\nDOTNET_TieredPGO=0\n", "A lightweight service runs with dynamic PGO.");
            StringAssert.Contains(variables, "\nDOTNET_GCgen0size=0x400000\n", "A lightweight service runs with the cache-sized gen0 budget.");
            StringAssert.Contains(variables, "\nDOTNET_TC_CallCounting=0\n", "A lightweight service recompiles its hot methods.");
            StringAssert.Contains(variables, "\nGOGC=\n", "DCP's Go settings reached a service: a Go program of its own would inherit them.");
            StringAssert.Contains(variables, "\nGOMAXPROCS=\n", "DCP's Go settings reached a service: a Go program of its own would inherit them.");
        }

        var orchestrator = EnvironmentProcessTable.Carrying(record.EnvironmentId)
            .Where(process => process.CommandLine.Contains("/dcp start-apiserver ", StringComparison.Ordinal) || process.CommandLine.Contains("/dcp run-controllers ", StringComparison.Ordinal))
            .ToList();
        Assert.HasCount(2, orchestrator, "DCP's API server and controllers run.");
        foreach (var process in orchestrator)
        {
            StringAssert.Contains(Variables(process.ProcessId), "\nGOGC=25\n", "DCP runs with Go's default collector goal.");
            StringAssert.Contains(Variables(process.ProcessId), "\nGOMAXPROCS=1\n", "DCP runs with a Go processor per core.");
        }

        StringAssert.Contains(Variables(record.HostProcessId), "\nDOTNET_TieredPGO=0\n", "The lightweight app host runs with dynamic PGO.");
        StringAssert.Contains(Variables(record.HostProcessId), "\nDOTNET_TC_CallCountThreshold=0x1000\n", "The lightweight app host promotes methods after 30 calls.");
        StringAssert.Contains(Variables(record.HostProcessId), "\nMALLOC_ARENA_MAX=2\n", "The lightweight app host has up to eight malloc arenas per core.");
        Assert.DoesNotContain("\nDOTNET_TC_CallCounting=", Variables(record.HostProcessId), "The app host, where the gateway runs, runs without call counting.");
        AssertHealthy(preview);

        // Service discovery at work: shop-web's product page is filled from shop-api.
        var links = preview.ReadLinks();
        using var browser = new Browser();
        Assert.AreEqual(HttpStatusCode.OK, (await browser.GetAsync(links.SharedLink, testContext.CancellationToken)).Status);
        var home = await browser.GetAsync(links.Services.Single(service => service.Name == "shop-web").Url, testContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, home.Status, home.ToString());
        StringAssert.Contains(home.Text, "<h1>Products</h1>", home.ToString());
        StringAssert.Contains(home.Text, "<td>", "shop-web shows no product from shop-api: " + home);

        Assert.AreEqual(("16MB", "40"), await PostgresSettingsAsync(preview), "The lightweight PostgreSQL keeps PostgreSQL's defaults.");

        AssertDownLeavesNothing(preview, record.EnvironmentId, services);
    }

    [TestMethod]
    public async Task Heavyweight_ReplicasRunWithoutLauncher_AndKeepTheRuntimeAndPostgresDefaults()
    {
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "leanheavy", testContext);

        // No engine answers, so runtime: auto runs PostgreSQL and Redis from the local binaries.
        var up = preview.Preview(["-p:PreviewProfile=heavyweight"], new Dictionary<string, string?>(StringComparer.Ordinal) { ["DOCKER_HOST"] = "unix:///tmp/previewsdk-no-engine-here.sock" });

        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var record = preview.ReadEnvironment();
        var services = AssertStartedDirectly(preview, record.EnvironmentId, up);
        Assert.HasCount(2, services["Shop.Api"], "The heavyweight profile's two shop-api replicas do not both run.");
        foreach (var pid in services.Values.SelectMany(pids => pids).Append(record.HostProcessId))
        {
            var variables = Variables(pid);
            Assert.DoesNotContain("\nDOTNET_gcServer=", variables, "A heavyweight process got the lightweight runtime settings.");
            Assert.DoesNotContain("\nDOTNET_TieredPGO=", variables, "A heavyweight process got the lightweight runtime settings.");
            Assert.DoesNotContain("\nDOTNET_GCgen0size=", variables, "A heavyweight process got the lightweight runtime settings.");
            Assert.DoesNotContain("\nDOTNET_TC_CallCounting=", variables, "A heavyweight process got the lightweight runtime settings.");
            Assert.DoesNotContain("\nDOTNET_TC_CallCountThreshold=", variables, "A heavyweight process got the lightweight runtime settings.");
            Assert.DoesNotContain("\nMALLOC_ARENA_MAX=", variables, "A heavyweight process got the lightweight runtime settings.");
        }

        AssertHealthy(preview);
        Assert.AreEqual(("128MB", "100"), await PostgresSettingsAsync(preview), "The heavyweight PostgreSQL lost PostgreSQL's defaults.");

        AssertDownLeavesNothing(preview, record.EnvironmentId, services);
    }

    [TestMethod]
    public void PreviewServiceLauncherDotnetRun_StartsTheServicesThroughDotnetRun()
    {
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "leanoff", testContext);

        var up = preview.Preview(["-p:PreviewServiceLauncher=dotnet-run"]);

        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var record = preview.ReadEnvironment();
        var launchers = EnvironmentProcessTable.Carrying(record.EnvironmentId).Where(process => process.CommandLine.StartsWith("dotnet run --project ", StringComparison.Ordinal)).ToList();
        Assert.HasCount(Services.Length, launchers, string.Join('\n', EnvironmentProcessTable.Carrying(record.EnvironmentId)));
        AssertHealthy(preview);

        var down = preview.Down();
        Assert.AreEqual(0, down.ExitCode, down.ToString());
        EnvironmentAssert.LeftNothingBehind(preview, [record.EnvironmentId], down);
    }

    [TestMethod]
    public void OrchestratorKilled_ItsServicesRunOn_AndPreviewDownStopsThem()
    {
        // Without DCP's monitor processes nothing ends the services when DCP dies: -t:PreviewDown must, through the
        // environment id every process carries.
        using var preview = new PreviewUnderTest(Repository.ShopPreviewProject, "shop", "leandcp", testContext);
        var up = preview.Preview();
        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var record = preview.ReadEnvironment();
        var processes = EnvironmentProcessTable.Carrying(record.EnvironmentId);
        var controllers = processes.Single(process => process.CommandLine.Contains("/dcp run-controllers ", StringComparison.Ordinal));
        var services = AssertStartedDirectly(preview, record.EnvironmentId, up);

        EnvironmentProcessTable.Kill(controllers.ProcessId);
        Thread.Sleep(TimeSpan.FromSeconds(2));
        Assert.IsTrue(services.Values.SelectMany(pids => pids).Any(pid => EnvironmentProcessTable.Carries(pid, record.EnvironmentId)),
            "No service outlived DCP: the test no longer shows that -t:PreviewDown is what stops them.");

        AssertDownLeavesNothing(preview, record.EnvironmentId, services);
    }

    private static bool IsDcpMonitor(EnvironmentProcessTable.Entry process) =>
        process.CommandLine.Contains("/dcp monitor-process ", StringComparison.Ordinal);

    // Each service's processes by project name: every one is `<dotnet> <its built dll>` (one process, no launcher
    // above it), and no `dotnet run` runs in the environment.
    private static Dictionary<string, List<int>> AssertStartedDirectly(PreviewUnderTest preview, string environmentId, CommandResult up)
    {
        var processes = EnvironmentProcessTable.Carrying(environmentId);
        var all = string.Join('\n', processes);
        Assert.IsFalse(processes.Any(process => process.CommandLine.Contains(" run --project ", StringComparison.Ordinal)), $"A service started through dotnet run:\n{all}\n{up}");
        Assert.IsFalse(processes.Any(IsDcpMonitor), $"DCP started a monitor process per executable:\n{all}");
        var services = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var service in Services)
        {
            var dll = Path.Combine(Path.GetDirectoryName(Repository.ShopPreviewProject)!, "..", service, "bin", "Debug", "net10.0", service + ".dll");
            services[service] = processes.Where(process => process.CommandLine.EndsWith(" " + Path.GetFullPath(dll), StringComparison.Ordinal)
                    && Path.GetFileName(process.CommandLine.Split(' ')[0]) == "dotnet")
                .Select(process => process.ProcessId)
                .ToList();
            Assert.IsNotEmpty(services[service], $"{service} does not run as dotnet {dll}:\n{all}");
        }

        // resources.json names the processes the orchestrator watches: the services themselves, not launchers.
        var servicePids = services.Values.SelectMany(pids => pids).ToHashSet();
        var watched = StateFiles.ReadResources(preview.StateFolder).Resources
            .Where(resource => resource.Name.StartsWith("shop-", StringComparison.Ordinal))
            .SelectMany(resource => resource.ProcessIds)
            .ToList();
        Assert.IsNotEmpty(watched, "resources.json names no process of a service.");
        foreach (var pid in watched)
        {
            Assert.Contains(pid, servicePids, $"The orchestrator watches process {pid}, which is no service:\n{all}");
        }

        return services;
    }

    // A line break first, so that every variable, the first too, is found as "\nNAME=value\n".
    private static string Variables(int processId) => "\n" + EnvironmentProcessTable.Environment(processId);

    private static void AssertHealthy(PreviewUnderTest preview)
    {
        var resources = StateFiles.ReadResources(preview.StateFolder).Resources;
        foreach (var name in new[] { "shop-api", "shop-web", "shop-worker" })
        {
            var resource = resources.Single(resource => resource.Name == name);
            Assert.AreEqual("Running", resource.State, $"{name}: {resource}");
        }

        foreach (var name in new[] { "shop-api", "shop-web" })
        {
            Assert.AreEqual("Healthy", resources.Single(resource => resource.Name == name).Health, $"{name} is not healthy.");
        }

        Assert.IsTrue(preview.ReadLinks().Services.All(service => service.State == "up"), "A service link is not up.");
    }

    private static async Task<(string SharedBuffers, string MaxConnections)> PostgresSettingsAsync(PreviewUnderTest preview)
    {
        var connectionString = JsonDocument.Parse(File.ReadAllText(Path.Combine(preview.StateFolder, "databases.json"))).RootElement
            .GetProperty("databases")[0].GetProperty("connectionString").GetString();
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('shared_buffers'), current_setting('max_connections')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.IsTrue(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }

    private static void AssertDownLeavesNothing(PreviewUnderTest preview, string environmentId, Dictionary<string, List<int>> services)
    {
        var down = preview.Down();
        Assert.AreEqual(0, down.ExitCode, down.ToString());
        EnvironmentAssert.LeftNothingBehind(preview, [environmentId], down);
        foreach (var pid in services.Values.SelectMany(pids => pids))
        {
            Assert.IsFalse(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal), $"Service process {pid} survived -t:PreviewDown.");
        }
    }
}
