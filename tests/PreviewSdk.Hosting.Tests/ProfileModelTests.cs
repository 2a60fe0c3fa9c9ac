using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// What a profile does to the Aspire model, built the way the generated app host builds it from the Shop sample's
/// preview.yaml, asserted on annotations without running anything.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ProfileModelTests
{
    private static readonly string SampleManifest = Path.Combine(RepositoryRoot(), "samples", "Shop", "Shop.Preview", "preview.yaml");

    [TestMethod]
    public async Task Lightweight_SampleLeavesRedisOutAndRunsOneReplica()
    {
        using var test = new TestRuntime("lightweight");
        var (builder, api, worker) = BuildSample(test);

        Assert.IsFalse(builder.Resources.Any(resource => resource.Name == "cache"), "Redis is off in lightweight: no resource, no binary needed.");
        Assert.IsTrue(builder.Resources.Any(resource => resource.Name == "shopdb"));
        Assert.IsFalse(api.Resource.Annotations.OfType<WaitAnnotation>().Any(wait => wait.Resource.Name == "cache"));
        var environment = await EnvironmentOfAsync(api.Resource);
        Assert.IsFalse(environment.ContainsKey("ConnectionStrings__cache"), "shop-api gets no connection to a left-out cache, so it caches in memory.");
        Assert.IsTrue(environment.ContainsKey("ConnectionStrings__shopdb"));
        Assert.IsFalse(api.Resource.Annotations.OfType<ReplicaAnnotation>().Any(replicas => replicas.Replicas != 1));
        Assert.IsEmpty(api.Resource.Annotations.OfType<PreviewLimitsAnnotation>());
        var workerEnvironment = await EnvironmentOfAsync(worker.Resource);
        Assert.AreEqual("20", workerEnvironment["Orders__BatchSize"], "the services: setting stands");
        Assert.AreEqual("00:00:10", workerEnvironment["Orders__PollInterval"], "the profile's variable");
        Assert.AreEqual("15000", environment["OTEL_METRIC_EXPORT_INTERVAL"], "lightweight services export metrics every 15 s");
        Assert.AreEqual("5000", environment["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.AreEqual("lightweight", DashboardProperty(api.Resource));
        Assert.AreEqual("lightweight", api.Resource.Annotations.OfType<PreviewProfileAnnotation>().Single().Profile);
    }

    [TestMethod]
    public async Task Heavyweight_SampleRunsRedisTwoApiReplicasWithLimitsAndItsVariables()
    {
        using var test = new TestRuntime("heavyweight");
        var (builder, api, worker) = BuildSample(test);

        var cache = builder.Resources.OfType<LocalRedisResource>().Single();
        Assert.AreEqual("cache", cache.Name);
        Assert.IsTrue(api.Resource.Annotations.OfType<WaitAnnotation>().Any(wait => wait.Resource == cache));
        Assert.IsTrue((await EnvironmentOfAsync(api.Resource)).ContainsKey("ConnectionStrings__cache"));
        Assert.AreEqual(2, api.Resource.Annotations.OfType<ReplicaAnnotation>().Single().Replicas);
        Assert.AreEqual(new ResourceLimits(1, 512L * 1024 * 1024), api.Resource.Annotations.OfType<PreviewLimitsAnnotation>().Single().Limits);
        Assert.AreEqual(new ResourceLimits(0.5, 256L * 1024 * 1024), worker.Resource.Annotations.OfType<PreviewLimitsAnnotation>().Single().Limits);
        var workerEnvironment = await EnvironmentOfAsync(worker.Resource);
        Assert.AreEqual("50", workerEnvironment["Orders__BatchSize"], "the profile's variable overrides services:' one");
        Assert.AreNotEqual("15000", workerEnvironment.GetValueOrDefault("OTEL_METRIC_EXPORT_INTERVAL"), "heavyweight keeps Aspire's telemetry pace");
        Assert.AreEqual("heavyweight", DashboardProperty(worker.Resource));
        Assert.AreEqual(20.0, builder.UsePreviewProfile(SampleManifest).ScaleOf("postgres"), "a second call returns the profile in use");
    }

    [TestMethod]
    public async Task WithProfile_SetsReplicasOverTheServicesSettingAndFeatureFlags()
    {
        using var test = new TestRuntime("qa");
        var manifest = test.Write("preview.yaml", """
            services:
              api: { replicas: 4 }
            profiles:
              qa:
                extends: lightweight
                services:
                  api:
                    env: { Shop__Banner: qa }
                    features: { NewCheckout: true, LegacyExport: false }
            """);
        var builder = test.CreateBuilder();
        var profile = builder.UsePreviewProfile(manifest);

        var api = builder.AddPreviewService("api", "../api/api.csproj", isWeb: true).WithReplicas(4).WithProfile(profile);

        Assert.AreEqual(1, api.Resource.Annotations.OfType<ReplicaAnnotation>().Single().Replicas, "qa extends lightweight, which runs one replica");
        var environment = await EnvironmentOfAsync(api.Resource);
        Assert.AreEqual(("qa", "true", "false"), (environment["Shop__Banner"], environment["FeatureManagement__NewCheckout"], environment["FeatureManagement__LegacyExport"]));
        Assert.AreEqual(TimeSpan.FromHours(8), profile.TimeToLive);
    }

    [TestMethod]
    public async Task Lightweight_ServicesGetTheLeanRuntimeSettings_UnlessTheySetThemThemselves()
    {
        await AssertLeanServicesAsync("lightweight", """
            profiles:
              lightweight:
                services:
                  web: { env: { DOTNET_TieredPGO: "1" } }
            """);
    }

    [TestMethod]
    public async Task ExtendsLightweight_ThroughAChain_ServicesGetTheLeanSettings_UnlessTheySetThemThemselves()
    {
        // qa-small extends qa, which extends lightweight.
        await AssertLeanServicesAsync("qa-small", """
            profiles:
              qa:
                extends: lightweight
              qa-small:
                extends: qa
                services:
                  web: { env: { DOTNET_TieredPGO: "1" } }
            """);
    }

    // The lean settings of profile `name` of preview.yaml `yaml` (whose profile sets web's DOTNET_TieredPGO itself)
    // on three services (worker sets DOTNET_gcServer itself) and on PostgreSQL.
    private static async Task AssertLeanServicesAsync(string name, string yaml)
    {
        using var test = new TestRuntime(name);
        var manifest = test.Write("preview.yaml", yaml);
        var builder = test.CreateBuilder();
        var profile = builder.UsePreviewProfile(manifest);

        var api = builder.AddPreviewService("api", "../api/api.csproj", isWeb: true).WithProfile(profile);
        var worker = builder.AddPreviewService("worker", "../worker/worker.csproj", isWeb: false).WithEnvironment("DOTNET_gcServer", "1").WithProfile(profile);
        var web = builder.AddPreviewService("web", "../web/web.csproj", isWeb: true).WithProfile(profile);
        var postgres = builder.AddPreviewPostgres("postgres", "postgres:15", profile);

        var apiEnvironment = await EnvironmentOfAsync(api.Resource);
        Assert.AreEqual(("0", "0", "0"), (apiEnvironment["DOTNET_gcServer"], apiEnvironment["DOTNET_TieredPGO"], apiEnvironment["DOTNET_TC_CallCounting"]), name);
        Assert.AreEqual("15000", apiEnvironment["OTEL_METRIC_EXPORT_INTERVAL"], "its services export metrics every 15 s");
        Assert.AreEqual("5000", apiEnvironment["OTEL_BLRP_SCHEDULE_DELAY"], "and logs every 5 s");
        var workerEnvironment = await EnvironmentOfAsync(worker.Resource);
        Assert.AreEqual(("1", "0"), (workerEnvironment["DOTNET_gcServer"], workerEnvironment["DOTNET_TieredPGO"]), "the service's own value wins");
        var webEnvironment = await EnvironmentOfAsync(web.Resource);
        Assert.AreEqual(("0", "1"), (webEnvironment["DOTNET_gcServer"], webEnvironment["DOTNET_TieredPGO"]), "the profile's env: wins");
        Assert.Contains("shared_buffers=16MB", await ArgumentsOfAsync(postgres.Resource));
        Assert.AreEqual(name, DashboardProperty(api.Resource));
    }

    [TestMethod]
    public async Task ExtendsHeavyweight_ServicesKeepTheRuntimeDefaultsAndAspiresTelemetryPace()
    {
        using var test = new TestRuntime("staging");
        var manifest = test.Write("preview.yaml", """
            profiles:
              staging:
                extends: heavyweight
            """);
        var builder = test.CreateBuilder();
        var profile = builder.UsePreviewProfile(manifest);

        var api = builder.AddPreviewService("api", "../api/api.csproj", isWeb: true).WithProfile(profile);
        var postgres = builder.AddPreviewPostgres("postgres", "postgres:15", profile);

        var environment = await EnvironmentOfAsync(api.Resource);
        Assert.IsFalse(environment.ContainsKey("DOTNET_gcServer") || environment.ContainsKey("DOTNET_TieredPGO"), "a profile extending heavyweight got lightweight runtime settings.");
        Assert.AreNotEqual("15000", environment.GetValueOrDefault("OTEL_METRIC_EXPORT_INTERVAL"));
        Assert.IsFalse((await ArgumentsOfAsync(postgres.Resource)).Any(argument => argument.StartsWith("shared_buffers=", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Heavyweight_ServicesKeepTheRuntimeDefaults()
    {
        using var test = new TestRuntime("heavyweight");
        var (_, api, worker) = BuildSample(test);

        foreach (var service in new IResource[] { api.Resource, worker.Resource })
        {
            var environment = await EnvironmentOfAsync(service);
            Assert.IsFalse(environment.ContainsKey("DOTNET_gcServer") || environment.ContainsKey("DOTNET_TieredPGO"), $"{service.Name} got lightweight runtime settings.");
        }
    }

    [TestMethod]
    public async Task Lightweight_PostgresIsSizedForAPreview()
    {
        using var test = new TestRuntime("lightweight");
        var builder = test.CreateBuilder();

        var postgres = builder.AddPreviewPostgres("postgres", "postgres:15", builder.UsePreviewProfile(SampleManifest));

        var arguments = await ArgumentsOfAsync(postgres.Resource);
        Assert.Contains("shared_buffers=16MB", arguments);
        Assert.Contains("max_connections=40", arguments);
        Assert.Contains("max_logical_replication_workers=0", arguments);
    }

    private static async Task<List<string>> ArgumentsOfAsync(IResource resource)
    {
        var values = new List<object>();
        var context = new CommandLineArgsCallbackContext(values, resource);
        foreach (var annotation in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }

        return [.. values.Select(value => value as string ?? value.ToString() ?? string.Empty)];
    }

    [TestMethod]
    public void UsePreviewProfile_UnknownProfile_FailsWithPreview1030()
    {
        using var test = new TestRuntime("heavy");
        var builder = test.CreateBuilder();

        var error = Assert.ThrowsExactly<DistributedApplicationException>(() => builder.UsePreviewProfile(SampleManifest));

        StringAssert.Contains(error.Message, "error PREVIEW1030: The profile 'heavy' is neither built in nor defined under profiles: in preview.yaml.");
        StringAssert.Contains(error.Message, "preview.yaml(");
    }

    // The generated AddPreviewResources of the sample, less shop-web (which changes nothing here).
    private static (IDistributedApplicationBuilder Builder, IResourceBuilder<ProjectResource> Api, IResourceBuilder<ProjectResource> Worker) BuildSample(TestRuntime test)
    {
        var builder = test.CreateBuilder();
        var profile = builder.UsePreviewProfile(SampleManifest);
        var postgres = profile.IsEnabled("postgres") ? builder.AddLocalPostgres("postgres") : null;
        var shopdb = postgres?.AddDatabase("shopdb");
        var cache = profile.IsEnabled("cache") ? builder.AddLocalRedis("cache") : null;
        var api = builder.AddPreviewService("shop-api", "../Shop.Api/Shop.Api.csproj", isWeb: true)
            .WithEnvironment("Shop__SeedDemoData", "false")
            .WithProfile(profile)
            .Uses(shopdb)
            .Uses(cache);
        var worker = builder.AddPreviewService("shop-worker", "../Shop.Worker/Shop.Worker.csproj", isWeb: false)
            .WithEnvironment("Orders__BatchSize", "20")
            .WithProfile(profile)
            .Uses(shopdb);
        return (builder, api, worker);
    }

    private static Task<Dictionary<string, string>> EnvironmentOfAsync(IResource resource) => ResourceEnvironment.TextOfAsync(resource);

    private static object? DashboardProperty(IResource resource) =>
        resource.Annotations.OfType<ResourceSnapshotAnnotation>().Single().InitialSnapshot.Properties
            .Single(property => property.Name == PreviewProfileBuilderExtensions.ProfileProperty).Value;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "global.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No global.json above {AppContext.BaseDirectory}.");
    }
}
