using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Tests.Generation;

/// <summary>
/// The plan of the generator's snapshot: a postgres server with two databases, a redis, and three services
/// declared in an order that <c>ServiceOrder</c> must change (web uses shop-api, which is declared last).
/// shopdb is seeded from config/preview.yaml, which also declares checks of web and shop-api. The paths are fixed, not real, because the generated text must not depend on the machine.
/// </summary>
internal static class ShopPlan
{
    public const string SdkVersion = "1.2.3";

    public static EnvironmentPlan Create() => new(
        "shop",
        [
            new DependencyPlan("postgres", DependencyKind.Postgres, ["shopdb", "ordersdb"]),
            new DependencyPlan("cache", DependencyKind.Redis, []),
        ],
        [
            new ServicePlan(
                "web",
                "/repo/src/Shop.Web/Shop.Web.csproj",
                IsWeb: true,
                HealthPath: "/health",
                Replicas: 1,
                Environment: [],
                Uses: [new ServiceReference("shop-api", ReferenceKind.Service), new ServiceReference("ordersdb", ReferenceKind.Database)]),
            new ServicePlan(
                "shop-worker",
                "/repo/src/Shop.Worker/Shop.Worker.csproj",
                IsWeb: false,
                HealthPath: null,
                Replicas: 1,
                Environment: [new("Orders__BatchSize", "20"), new("Orders__Banner", "line 1\nline 2\t\"quoted\" C:\\orders\\ \u2028end")],
                Uses: [new ServiceReference("shop-api", ReferenceKind.Service), new ServiceReference("cache", ReferenceKind.Dependency)]),
            new ServicePlan(
                "shop-api",
                "/repo/src/Shop.Api/Shop.Api.csproj",
                IsWeb: true,
                HealthPath: "/healthz",
                Replicas: 2,
                Environment: [new("Shop__PageSize", "20"), new("Shop__Greeting", "say \"hi\"")],
                Uses: [new ServiceReference("shopdb", ReferenceKind.Database), new ServiceReference("cache", ReferenceKind.Dependency), new ServiceReference("postgres", ReferenceKind.Dependency)]),
        ])
    {
        ManifestPath = "config/preview.yaml",
        Seeds = [new DatabaseSeedPlan("shopdb", "postgres", "shop-api", null, null, null)],
        CheckedServices = ["web", "shop-api"],
    };
}
