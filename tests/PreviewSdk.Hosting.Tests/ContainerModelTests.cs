using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// The Shop sample's staging-like profile as the generated app host models it when -t:Preview decided containers
/// (PREVIEW_RUNTIMES): Aspire's container resources with the environment's labels, the profile's limits as engine
/// arguments, connection strings and service discovery as for projects. Asserted on annotations, nothing runs.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ContainerModelTests
{
    private static readonly string SampleManifest = Path.Combine(FindRoot(), "samples", "Shop", "Shop.Preview", "preview.yaml");

    [TestMethod]
    public async Task StagingLike_DependenciesAndServicesAreLabelledLimitedContainers()
    {
        using var test = new TestRuntime("staging-like");
        StateJson.Write(Path.Combine(test.StateDirectory, StateFiles.Record), new EnvironmentRecord
        {
            Name = "test", App = "shop", Profile = "staging-like", EnvironmentId = test.Runtime.EnvironmentId, HostProcessId = 0,
            StartedAt = DateTimeOffset.UtcNow, Owner = "someone", DashboardUrl = "http://127.0.0.1:1", Team = "shop",
        });
        Environment.SetEnvironmentVariable(RuntimeDecisions.Variable,
            "postgres=container|localhost/library/postgres:15;cache=container|localhost/library/redis:7;shop-api=container|localhost/previewsdk/shop-shop-api:test");
        try
        {
            var builder = test.CreateBuilder();
            var profile = builder.UsePreviewProfile(SampleManifest);
            var postgres = builder.AddPreviewPostgres("postgres", "postgres:15", profile);
            var shopdb = postgres.AddPreviewDatabase("shopdb");
            var cache = builder.AddPreviewRedis("cache", "redis:7", profile);
            var image = builder.PreviewServiceImage("shop-api");
            Assert.AreEqual("localhost/previewsdk/shop-shop-api:test", image);
            Assert.IsNull(builder.PreviewServiceImage("shop-worker"), "shop-worker runs from its project in staging-like");
            var api = builder.AddPreviewServiceContainer("shop-api", image!, isWeb: true).WithProfile(profile).Uses(shopdb).Uses(cache);
            var worker = builder.AddPreviewService("shop-worker", "../Shop.Worker/Shop.Worker.csproj", isWeb: false).WithProfile(profile).UsesService(api);

            var server = (PostgresServerResource)postgres.Resource;
            Assert.AreEqual("localhost/library/postgres:15", $"{Image(server).Registry}/{Image(server).Image}:{Image(server).Tag}");
            var labels = $"--label previewsdk.environment={test.Runtime.EnvironmentId} --label previewsdk.app=shop --label previewsdk.team=shop --label previewsdk.owner=someone";
            Assert.AreEqual($"{labels} --cpus 1 --memory 1073741824", await RunArgumentsAsync(server));
            Assert.AreEqual($"{labels} --cpus 0.5 --memory 268435456", await RunArgumentsAsync((RedisResource)cache.Resource));
            Assert.AreEqual($"{labels} --cpus 1 --memory 536870912", await RunArgumentsAsync(api.Resource));
            Assert.AreEqual("container localhost/library/postgres:15", RuntimeProperty(server));
            Assert.IsInstanceOfType<PostgresDatabaseResource>(shopdb.Resource);
            Assert.IsNotEmpty(shopdb.Resource.Annotations.OfType<PreviewDatabaseMarkAnnotation>(), "the seeder waits for the mark");
            Assert.IsTrue(api.Resource.Annotations.OfType<WaitAnnotation>().Any(wait => wait.Resource == shopdb.Resource));
            Assert.IsTrue(worker.Resource.Annotations.OfType<WaitAnnotation>().Any(wait => wait.Resource == api.Resource));
            Assert.IsEmpty(api.Resource.Annotations.OfType<ReplicaAnnotation>(), "a container runs one replica");
            Assert.AreEqual(PreviewServiceContainerResource.HttpPort, api.Resource.Annotations.OfType<EndpointAnnotation>().Single().TargetPort);
        }
        finally
        {
            Environment.SetEnvironmentVariable(RuntimeDecisions.Variable, null);
        }
    }

    [TestMethod]
    public void Heavyweight_DecidedLocal_RunsTheLocalBinariesAndSaysWhy()
    {
        using var test = new TestRuntime("heavyweight");
        Environment.SetEnvironmentVariable(RuntimeDecisions.Variable, "postgres=local;cache=local");
        try
        {
            var builder = test.CreateBuilder();
            var profile = builder.UsePreviewProfile(SampleManifest);

            var postgres = builder.AddPreviewPostgres("postgres", "postgres:15", profile);

            Assert.IsInstanceOfType<LocalPostgresServerResource>(postgres.Resource);
            Assert.AreEqual("local binaries (auto: no engine or image when the build looked)", RuntimeProperty(postgres.Resource));
        }
        finally
        {
            Environment.SetEnvironmentVariable(RuntimeDecisions.Variable, null);
        }
    }

    private static ContainerImageAnnotation Image(IResource resource) => resource.Annotations.OfType<ContainerImageAnnotation>().Last();

    private static async Task<string> RunArgumentsAsync(IResource resource)
    {
        var arguments = new List<object>();
        foreach (var annotation in resource.Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>())
        {
            await annotation.Callback(new ContainerRuntimeArgsCallbackContext(arguments));
        }

        return string.Join(' ', arguments);
    }

    private static object? RuntimeProperty(IResource resource) =>
        resource.Annotations.OfType<ResourceSnapshotAnnotation>().Last().InitialSnapshot.Properties
            .Single(property => property.Name == PreviewContainerBuilderExtensions.RuntimeProperty).Value;

    private static string FindRoot()
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
