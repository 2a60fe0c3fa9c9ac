using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Lifecycle;
using PreviewSdk.Kubernetes.Naming;
using PreviewSdk.Kubernetes.Rendering;
using PreviewSdk.Kubernetes.Tests.Infrastructure;
using PreviewSdk.Kubernetes.Tests.StandIn;

namespace PreviewSdk.Kubernetes.Tests.Lifecycle;

/// <summary>
/// Apply, list, delete and sweep through KubernetesClient against the API stand-in (real HTTP, a real kubeconfig):
/// what is sent, what is refused, what is left behind after a failure (nothing).
/// </summary>
[TestClass]
public sealed class KubernetesLifecycleTests
{
    private const string Namespace = "preview-shop-main";

    [TestMethod]
    public async Task Up_AppliesEveryObjectServerSide_CreatesTheSecrets_AndPrintsTheLinks()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        var up = cluster.Up();
        Assert.IsTrue(await cluster.UpAsync(up), cluster.Reporter.Text);

        var patches = cluster.Server.Requests.Where(request => request.Method == "PATCH").ToList();
        Assert.AreEqual(up.Environment.Objects.Count + up.Environment.Secrets.Count + up.Sweeper.Count, patches.Count);
        Assert.IsTrue(patches.All(patch => patch.ContentType!.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal)), string.Join(", ", patches.Select(patch => patch.ContentType)));
        Assert.IsTrue(patches.All(patch => patch.Query.Contains("fieldManager=previewsdk", StringComparison.Ordinal) && patch.Query.Contains("force=true", StringComparison.Ordinal)));
        Assert.AreEqual($"/api/v1/namespaces/{Namespace}", patches[0].Path, "the namespace first");

        var ns = cluster.Server.Get($"/api/v1/namespaces/{Namespace}")!;
        var expires = DateTimeOffset.Parse(ns["metadata"]!["annotations"]![ClusterLabels.ExpiresAt]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(expires > DateTimeOffset.UtcNow.AddHours(7.9) && expires < DateTimeOffset.UtcNow.AddHours(8.1), "lightweight lives 8h");
        var connections = cluster.Server.Get($"/api/v1/namespaces/{Namespace}/secrets/connections")!;
        var shopdb = connections["stringData"]!["shopdb"]!.GetValue<string>();
        var password = cluster.Server.Get($"/api/v1/namespaces/{Namespace}/secrets/postgres-credentials")!["stringData"]!["password"]!.GetValue<string>();
        Assert.AreEqual($"Host=postgres;Port=5432;Database=shopdb;Username=preview;Password={password}", shopdb);
        Assert.IsGreaterThanOrEqualTo(43, password.Length);
        var token = cluster.Server.Get($"/api/v1/namespaces/{Namespace}/secrets/preview-access")!["stringData"]!["access-token"]!.GetValue<string>();

        var links = cluster.Reporter.Messages.Last();
        StringAssert.Contains(links, $"shared     http://main.preview.example.com/?preview_token={token}");
        StringAssert.Contains(links, "shop-api   http://shop-api.main.preview.example.com/");
        StringAssert.Contains(links, "shop-web   http://shop-web.main.preview.example.com/");
        Assert.IsNotNull(cluster.Server.Get("/apis/batch/v1/namespaces/previewsdk-system/cronjobs/previewsdk-sweeper"), "the sweeper is installed once per cluster");

        // What the pull request comment and the step summary get: the same links, no dashboard, the cluster's record.
        var (published, record) = cluster.Published!.Value;
        Assert.AreEqual($"http://main.preview.example.com/?preview_token={token}", published.SharedLink);
        Assert.AreEqual(string.Empty, published.Dashboard);
        CollectionAssert.AreEqual(new[] { "shop-api", "shop-web" }, published.Services.Select(service => service.Name).OrderBy(name => name).ToArray());
        Assert.AreEqual(("main", "shop", "lightweight", expires), (record.Name, record.App, record.Profile, record.ExpiresAt));
        Assert.AreEqual(Path.GetFullPath(up.ProjectPath), record.ProjectPath);
    }

    [TestMethod]
    public async Task Up_OfAnEnvironmentThatIsUp_ReportsItAndAppliesNothing_AndTheSweeperOnlyOnce()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        Assert.IsTrue(await cluster.UpAsync(cluster.Up()), cluster.Reporter.Text);
        var before = cluster.Server.Requests.Count(request => request.Method == "PATCH");
        Assert.IsTrue(await cluster.UpAsync(cluster.Up()), cluster.Reporter.Text);
        Assert.AreEqual(before, cluster.Server.Requests.Count(request => request.Method == "PATCH"));
        StringAssert.Contains(cluster.Reporter.Messages.Last(), "is already up on the cluster");
        Assert.AreEqual("main", cluster.Published?.Record.Name, "an environment found up is published too");

        // A second environment finds this version of the sweeper installed.
        Assert.IsTrue(await cluster.UpAsync(cluster.Up(environment: "pr-7")), cluster.Reporter.Text);
        Assert.AreEqual(1, cluster.Server.Requests.Count(request => request.Method == "PATCH" && request.Path.EndsWith("/cronjobs/previewsdk-sweeper", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Recreate_DeletesTheNamespaceAndAppliesAnew()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        Assert.IsTrue(await cluster.UpAsync(cluster.Up()));
        Assert.IsTrue(await cluster.UpAsync(cluster.Up() with { Recreate = true }), cluster.Reporter.Text);
        Assert.IsTrue(cluster.Server.Requests.Any(request => request.Method == "DELETE" && request.Path == $"/api/v1/namespaces/{Namespace}"));
        Assert.IsNotNull(cluster.Server.Get($"/apis/apps/v1/namespaces/{Namespace}/deployments/shop-api"));
    }

    [TestMethod]
    public async Task ARolloutThatNeverBecomesReady_IsACodedTimeout_AndLeavesNothing()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        cluster.Server.Readiness = KubernetesApiStandIn.Mode.NeverReady;
        Assert.IsFalse(await cluster.UpAsync(cluster.Up(timeout: TimeSpan.FromSeconds(1))));
        var error = cluster.Reporter.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.RolloutTimedOut, error.Code);
        StringAssert.Contains(error.Message, "StatefulSet/postgres is not ready (0 of 1 replica(s) ready)");
        Assert.IsFalse(cluster.Server.Paths.Any(path => path.Contains(Namespace, StringComparison.Ordinal)), "the namespace and everything in it are deleted");
    }

    [TestMethod]
    public async Task AFailedSeedingJob_IsItsOwnCode_AndLeavesNothing()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        cluster.Server.Readiness = KubernetesApiStandIn.Mode.JobsFail;
        Assert.IsFalse(await cluster.UpAsync(cluster.Up()));
        Assert.AreEqual(DiagnosticCodes.SeedJobFailed, cluster.Reporter.Diagnostics.Single().Code);
        StringAssert.Contains(cluster.Reporter.Diagnostics.Single().Message, "seeding of 'shopdb'");
        Assert.IsFalse(cluster.Server.Paths.Any(path => path.Contains(Namespace, StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task AnObjectTheClusterRefuses_IsACodedError_AndTheNamespaceGoes()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        cluster.Server.RefuseKind = "NetworkPolicy";
        Assert.IsFalse(await cluster.UpAsync(cluster.Up()));
        var error = cluster.Reporter.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.ObjectRefused, error.Code);
        StringAssert.Contains(error.Message, "NetworkPolicy 'deny-ingress'");
        StringAssert.Contains(error.Message, "refused by the stand-in's admission rule");
        Assert.IsFalse(cluster.Server.Paths.Any(path => path.Contains(Namespace, StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task TheTeamsBudget_CountsItsNamespacesOnTheCluster()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        var request = ShopSample.Request("lightweight", cluster.Settings);
        request = request with { Budget = request.Budget! with { Environments = 1 } };
        Assert.IsTrue(await cluster.UpAsync(cluster.Up(request: request)), cluster.Reporter.Text);
        var other = ShopSample.Request("lightweight", cluster.Settings, environment: "pr-9");
        Assert.IsFalse(await cluster.UpAsync(cluster.Up(request: other with { Budget = request.Budget })));
        var refusal = cluster.Reporter.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.BudgetExceeded, refusal.Code);
        StringAssert.Contains(refusal.Details!, "main  app=shop  owner=Ada Lovelace");
        Assert.IsNull(cluster.Server.Get("/api/v1/namespaces/preview-shop-pr-9"), "nothing of the refused environment is applied");
    }

    [TestMethod]
    public async Task AMissingCredentialOfAnExternalDependency_IsRefusedBeforeAnythingIsApplied()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        var request = ShopSample.Request("lightweight", cluster.Settings);
        request = request with { Plan = request.Plan with { Dependencies = [request.Plan.Dependencies[0] with { External = "db.internal.example.com:5432" }, .. request.Plan.Dependencies.Skip(1)] } };
        Assert.IsFalse(await cluster.UpAsync(cluster.Up(request: request)));
        CollectionAssert.AreEqual(new[] { DiagnosticCodes.ExternalCredentialMissing, DiagnosticCodes.ExternalCredentialMissing }, cluster.Reporter.Codes.ToArray());
        StringAssert.Contains(cluster.Reporter.Text, "PREVIEW_POSTGRES_PASSWORD");
        Assert.IsFalse(cluster.Server.Requests.Any(r => r.Method == "PATCH"));
    }

    [TestMethod]
    public async Task Down_DeletesOnlyANamespaceWithThisEnvironmentsLabels()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        cluster.Server.AddNamespace("preview-shop-handmade");
        cluster.Server.AddNamespace("preview-shop-foreign", new Dictionary<string, string>
        {
            [ClusterLabels.ManagedBy] = ClusterLabels.ManagerValue, [ClusterLabels.App] = "shop", [ClusterLabels.Environment] = "other",
        });
        using var connection = cluster.Connect();
        var lifecycle = new KubernetesLifecycle(connection, cluster.Reporter);

        Assert.IsFalse(await lifecycle.DownAsync("shop", "handmade", "Shop.Preview.csproj", TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.IsFalse(await lifecycle.DownAsync("shop", "foreign", "Shop.Preview.csproj", TimeSpan.FromSeconds(5), CancellationToken.None));
        CollectionAssert.AreEqual(new[] { DiagnosticCodes.NamespaceNotOurs, DiagnosticCodes.NamespaceNotOurs }, cluster.Reporter.Codes.ToArray());
        StringAssert.Contains(cluster.Reporter.Diagnostics[0].Message, "it carries no PreviewSdk labels");
        StringAssert.Contains(cluster.Reporter.Diagnostics[1].Message, "it is preview 'other' of 'shop'");
        Assert.IsFalse(cluster.Server.Requests.Any(request => request.Method == "DELETE"));

        Assert.IsTrue(await cluster.UpAsync(cluster.Up()));
        Assert.IsTrue(await lifecycle.DownAsync("shop", "main", "Shop.Preview.csproj", TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.IsNull(cluster.Server.Get($"/api/v1/namespaces/{Namespace}"));
        Assert.IsTrue(await lifecycle.DownAsync("shop", "main", "Shop.Preview.csproj", TimeSpan.FromSeconds(5), CancellationToken.None));
        StringAssert.Contains(cluster.Reporter.Messages.Last(), "not on the cluster; nothing to delete");
    }

    [TestMethod]
    public async Task List_SweepsExpiredEnvironmentsFirst_AndListsTheRest()
    {
        await using var cluster = await ClusterFixture.StartAsync();
        Assert.IsTrue(await cluster.UpAsync(cluster.Up()));
        Dictionary<string, string> Labels(string environment) => new() { [ClusterLabels.ManagedBy] = ClusterLabels.ManagerValue, [ClusterLabels.App] = "shop", [ClusterLabels.Environment] = environment, [ClusterLabels.Team] = "shop" };
        cluster.Server.AddNamespace("preview-shop-old", Labels("old"), new Dictionary<string, string> { [ClusterLabels.ExpiresAt] = "2020-01-01T00:00:00Z" });
        cluster.Server.AddNamespace("preview-shop-gitops", Labels("gitops"), new Dictionary<string, string> { [ClusterLabels.TimeToLive] = "1h" }, DateTime.UtcNow.AddHours(-2));
        cluster.Server.AddNamespace("preview-shop-kept", Labels("kept"), new Dictionary<string, string> { [ClusterLabels.Keep] = "true", [ClusterLabels.ExpiresAt] = "2020-01-01T00:00:00Z" });
        cluster.Server.AddNamespace("someone-elses", new Dictionary<string, string> { [ClusterLabels.Environment] = "old" }, new Dictionary<string, string> { [ClusterLabels.ExpiresAt] = "2020-01-01T00:00:00Z" });
        using var connection = cluster.Connect();

        var left = await new KubernetesLifecycle(connection, cluster.Reporter).ListAsync(CancellationToken.None);
        CollectionAssert.AreEquivalent(new[] { "preview-shop-kept", Namespace }, left.Select(environment => environment.Name).ToArray());
        Assert.IsNull(cluster.Server.Get("/api/v1/namespaces/preview-shop-old"));
        Assert.IsNull(cluster.Server.Get("/api/v1/namespaces/preview-shop-gitops"), "creation time + ttl for namespaces applied from rendered files");
        Assert.IsNotNull(cluster.Server.Get("/api/v1/namespaces/someone-elses"), "never a namespace without PreviewSdk's labels");
        var listing = cluster.Reporter.Messages.Last();
        StringAssert.Contains(listing, "2 preview environment(s) on the cluster of context 'stand-in'");
        StringAssert.Contains(listing, "main  app=shop  profile=lightweight  namespace=preview-shop-main");
        StringAssert.Contains(listing, "expires=kept");
        StringAssert.Contains(listing, "directory  http://main.preview.example.com/");
        StringAssert.Contains(cluster.Reporter.Text, "Cleaned up preview 'old' of 'shop' on the cluster");
    }
}
