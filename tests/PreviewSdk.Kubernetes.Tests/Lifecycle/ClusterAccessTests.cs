using System.Net;
using System.Net.Sockets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Tests.Infrastructure;
using PreviewSdk.Kubernetes.Tests.StandIn;

namespace PreviewSdk.Kubernetes.Tests.Lifecycle;

/// <summary>Bad input about the cluster: each a coded error before anything is built, pushed or applied.</summary>
[TestClass]
public sealed class ClusterAccessTests
{
    private static readonly SourceLocation Project = SourceLocation.WholeFile("Shop.Preview.csproj");

    [TestMethod]
    public async Task AnUnreachableCluster_IsPREVIEW7003()
    {
        var folder = Directory.CreateTempSubdirectory("previewsdk-access-").FullName;
        try
        {
            // A port that was free a moment ago: nothing listens there.
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var path = Path.Combine(folder, "kubeconfig");
            File.WriteAllText(path, Kubeconfig($"http://127.0.0.1:{port}", "gone"));
            var diagnostics = new DiagnosticBag();
            using var connection = ClusterConnection.Open(ShopSample.Settings() with { Kubeconfig = path }, Project, diagnostics)!;
            Assert.IsFalse(await connection.CheckAsync(Project, diagnostics, CancellationToken.None));
            var error = diagnostics.Single();
            Assert.AreEqual(DiagnosticCodes.ClusterUnreachable, error.Code);
            StringAssert.Contains(error.Message, $"The cluster of context 'gone' at http://127.0.0.1:{port}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task ACredentialTheClusterRefuses_IsPREVIEW7004()
    {
        await using var server = await KubernetesApiStandIn.StartAsync();
        server.Forbid = true;
        var folder = Directory.CreateTempSubdirectory("previewsdk-access-").FullName;
        try
        {
            var diagnostics = new DiagnosticBag();
            using var connection = ClusterConnection.Open(ShopSample.Settings() with { Kubeconfig = server.WriteKubeconfig(folder) }, Project, diagnostics)!;
            Assert.IsFalse(await connection.CheckAsync(Project, diagnostics, CancellationToken.None));
            Assert.AreEqual(DiagnosticCodes.ClusterAccessDenied, diagnostics.Single().Code);
            StringAssert.Contains(diagnostics.Single().Message, "403");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void AMissingContext_IsPREVIEW7002_NamingTheContextsThereAre()
    {
        var folder = Directory.CreateTempSubdirectory("previewsdk-access-").FullName;
        try
        {
            var path = Path.Combine(folder, "kubeconfig");
            File.WriteAllText(path, Kubeconfig("http://127.0.0.1:1", "dev"));
            var diagnostics = new DiagnosticBag();
            Assert.IsNull(ClusterConnection.Open(ShopSample.Settings() with { Kubeconfig = path, Context = "prod" }, Project, diagnostics));
            Assert.AreEqual(DiagnosticCodes.KubeContextNotFound, diagnostics.Single().Code);
            StringAssert.Contains(diagnostics.Single().Message, "has no context 'prod' (it has: dev)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("clusters: [unclosed\n")]
    [DataRow("\t- not yaml: at all\n")]
    [DataRow("apiVersion: v1\nkind: Config\ncontexts: 42\n")]
    public void AKubeconfigThatDoesNotParse_IsPREVIEW7001(string text)
    {
        var folder = Directory.CreateTempSubdirectory("previewsdk-access-").FullName;
        try
        {
            var path = Path.Combine(folder, "kubeconfig");
            File.WriteAllText(path, text);
            var diagnostics = new DiagnosticBag();
            Assert.IsNull(ClusterConnection.Open(ShopSample.Settings() with { Kubeconfig = path }, Project, diagnostics));
            Assert.AreEqual(DiagnosticCodes.KubeconfigUnreadable, diagnostics.Single().Code, diagnostics.Single().Message);
            Assert.DoesNotContain("\n", diagnostics.Single().Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Kubeconfig(string server, string context) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: {server}
        users:
        - name: u
          user:
            token: t
        contexts:
        - name: {context}
          context:
            cluster: c
            user: u
        current-context: {context}
        """;
}
