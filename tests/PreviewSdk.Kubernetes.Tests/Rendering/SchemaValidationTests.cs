using PreviewSdk.Core.Planning;
using PreviewSdk.Kubernetes.Manifests;
using PreviewSdk.Kubernetes.Rendering;
using PreviewSdk.Kubernetes.Tests.Infrastructure;

namespace PreviewSdk.Kubernetes.Tests.Rendering;

/// <summary>
/// Every rendered object, of every profile of the sample and of the variants the renderer branches on (https with
/// TLS, no authentication, an external PostgreSQL by name and by address, SQL migrations, no ingress class), is
/// valid against the official schemas; and the validator does fail on a violation, so a pass means something.
/// </summary>
[TestClass]
public sealed class SchemaValidationTests
{
    [TestMethod]
    public async Task EveryRenderedObject_IsValidAgainstTheKubernetesSchemas()
    {
        var root = Directory.CreateTempSubdirectory("previewsdk-schema-").FullName;
        try
        {
            var folders = new List<string>();
            void Write(string name, RenderedEnvironment environment)
            {
                var folder = Path.Combine(root, name);
                ManifestWriter.Write(environment, folder);
                folders.Add(folder);
            }

            foreach (var profile in ShopSample.Profiles())
            {
                Write(profile, ShopSample.Render(profile));
            }

            Write("https", ShopSample.Render("heavyweight", ShopSample.Settings(publicUrl: "https://preview.example.com", ingressClass: null)));
            var request = ShopSample.Request("lightweight");
            Write("no-auth", EnvironmentRenderer.Render(request with { Settings = request.Settings with { Gateway = request.Settings.Gateway with { Auth = Core.Sharing.GatewayAuth.None } } }));
            Write("external-name", EnvironmentRenderer.Render(WithExternalPostgres(request, "db.internal.example.com:5432")));
            Write("external-address", EnvironmentRenderer.Render(WithExternalPostgres(request, "10.20.30.40:6543")));
            Write("sql-migrations", EnvironmentRenderer.Render(request with
            {
                Plan = request.Plan with { Seeds = [request.Plan.Seeds[0] with { MigrationsService = null, SqlFolder = "/sql" }] },
                SqlMigrations = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["shopdb"] = new Dictionary<string, string> { ["001_init.sql"] = "CREATE TABLE t (id int);\n" } },
            }));

            var result = await SchemaValidator.ValidateAsync([.. folders]);
            Assert.IsTrue(result.Succeeded, result.Output);
            var expected = folders.Sum(folder => Directory.GetFiles(folder, "*.yaml").Length);
            Assert.AreEqual(expected, result.Output.Split('\n').Count(line => line.StartsWith("ok ", StringComparison.Ordinal)), result.Output);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public async Task TheShippedRbacManifest_IsValidAgainstTheKubernetesSchemas()
    {
        // docs/kubernetes-rbac.yaml is applied by hand by a cluster administrator: a typo there fails on the cluster.
        var root = Directory.CreateTempSubdirectory("previewsdk-schema-rbac-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryRoot.Find(), "docs", "kubernetes-rbac.yaml"), Path.Combine(root, "kubernetes-rbac.yaml"));
            var result = await SchemaValidator.ValidateAsync(root);
            Assert.IsTrue(result.Succeeded, result.Output);
            foreach (var expected in new[] { "ClusterRole/previewsdk-user", "Namespace/previewsdk-system", "ServiceAccount/previewsdk-sweeper", "ClusterRole/previewsdk-sweeper", "ClusterRoleBinding/previewsdk-sweeper" })
            {
                StringAssert.Contains(result.Output, $"ok kubernetes-rbac.yaml {expected}");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public async Task TheValidator_RejectsAnObjectThatBreaksTheSchema()
    {
        var folder = Directory.CreateTempSubdirectory("previewsdk-schema-bad-").FullName;
        try
        {
            var deployment = ShopSample.Render("lightweight").OfKind<k8s.Models.V1Deployment>().First();
            var text = ManifestWriter.Serialize(deployment).Replace("containerPort: 8080", "containerPort: http", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder, "00-deployment.yaml"), text);
            var result = await SchemaValidator.ValidateAsync(folder);
            Assert.AreEqual(1, result.ExitCode, result.Output);
            StringAssert.Contains(result.Output, "containerPort must be integer");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static RenderRequest WithExternalPostgres(RenderRequest request, string endpoint) => request with
    {
        Plan = request.Plan with
        {
            Dependencies = [.. request.Plan.Dependencies.Select(dependency => dependency.Kind == DependencyKind.Postgres ? dependency with { External = endpoint } : dependency)],
        },
    };
}
