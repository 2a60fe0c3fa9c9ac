using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Tests.Budgets;

[TestClass]
public sealed class EnvironmentFootprintTests
{
    private static readonly EnvironmentPlan Plan = new(
        "shop",
        [],
        [Service("shop-api", replicas: 2), Service("shop-worker", replicas: 1), Service("shop-web", replicas: 1)]);

    [TestMethod]
    public void Of_ServicesWithoutLimits_CountTheDefaultPerReplica()
    {
        var footprint = EnvironmentFootprint.Of(Plan, Profile());

        Assert.AreEqual(new EnvironmentFootprint(4 * 0.5, 4 * (512L << 20)), footprint);
        Assert.AreEqual("cpu 2, memory 2Gi", footprint.Describe());
    }

    [TestMethod]
    public void Of_TheProfilesReplicasAndLimits_CountTimesReplicas()
    {
        var profile = Profile(
            ("shop-api", new ServiceProfile(3, new ResourceLimits(1, 1L << 30), [], [])),
            ("shop-worker", new ServiceProfile(null, new ResourceLimits(0.25, null), [], [])),
            ("not-in-the-plan", new ServiceProfile(5, new ResourceLimits(8, 8L << 30), [], [])));

        var footprint = EnvironmentFootprint.Of(Plan, profile);

        // shop-api 3 × (1, 1Gi); shop-worker 1 × (0.25, default 512Mi); shop-web 1 × defaults.
        Assert.AreEqual(3 + 0.25 + 0.5, footprint.Cpus, 1e-9);
        Assert.AreEqual((3L << 30) + (512L << 20) + (512L << 20), footprint.MemoryBytes);
    }

    private static EffectiveProfile Profile(params (string Name, ServiceProfile Settings)[] services) =>
        new("test", TimeSpan.FromHours(1), services.ToDictionary(service => service.Name, service => service.Settings), new Dictionary<string, DependencyProfile>());

    private static ServicePlan Service(string name, int replicas) =>
        new(name, $"/repo/{name}/{name}.csproj", IsWeb: true, HealthPath: "/health", replicas, [], []);
}
