using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Kubernetes.Naming;
using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Kubernetes.Tests.Rendering;

/// <summary>The target's properties: each wrong value a coded error, all at once, before anything is built or applied.</summary>
[TestClass]
public sealed class SettingsTests
{
    private static readonly SourceLocation Project = SourceLocation.WholeFile("Shop.Preview.csproj");

    [TestMethod]
    [DataRow(null, PreviewTarget.Local)]
    [DataRow("", PreviewTarget.Local)]
    [DataRow(" Kubernetes ", PreviewTarget.Kubernetes)]
    [DataRow("LOCAL", PreviewTarget.Local)]
    public void TheTarget_IsReadInAnyCase(string? text, PreviewTarget expected)
    {
        var diagnostics = new DiagnosticBag();
        Assert.AreEqual(expected, KubernetesSettingsReader.ReadTarget(text, Project, diagnostics));
        Assert.IsEmpty(diagnostics);
    }

    [TestMethod]
    public void AnUnknownTarget_IsPREVIEW1140()
    {
        var diagnostics = new DiagnosticBag();
        Assert.IsNull(KubernetesSettingsReader.ReadTarget("k8s", Project, diagnostics));
        Assert.AreEqual(DiagnosticCodes.InvalidPreviewTarget, diagnostics.Single().Code);
    }

    [TestMethod]
    public void EveryWrongProperty_IsReportedAtOnce()
    {
        var diagnostics = new DiagnosticBag();
        var settings = KubernetesSettingsReader.Read(
            new KubernetesSettingsText { Kubeconfig = "/no/such/kubeconfig", Context = "bad\u0001context", Registry = "https://registry.example.com", IngressClass = "Nginx_Class" },
            new GatewaySettingsText { Domain = "not a host" },
            registryRequired: true,
            Project,
            diagnostics);
        Assert.IsNull(settings);
        CollectionAssert.AreEquivalent(
            new[] { DiagnosticCodes.InvalidGatewayDomain, DiagnosticCodes.KubeconfigNotFound, DiagnosticCodes.InvalidKubeContext, DiagnosticCodes.InvalidRegistry, DiagnosticCodes.InvalidIngressClass },
            diagnostics.Select(diagnostic => diagnostic.Code).ToArray());
    }

    [TestMethod]
    public void TheDefaultDomainAndAMissingRegistry_AreRefusedForACluster()
    {
        var diagnostics = new DiagnosticBag();
        Assert.IsNull(KubernetesSettingsReader.Read(new KubernetesSettingsText(), new GatewaySettingsText(), registryRequired: true, Project, diagnostics));
        CollectionAssert.AreEquivalent(new[] { DiagnosticCodes.KubernetesDomainRequired, DiagnosticCodes.KubernetesRegistryRequired }, diagnostics.Select(d => d.Code).ToArray());

        diagnostics = new DiagnosticBag();
        var forRender = KubernetesSettingsReader.Read(new KubernetesSettingsText(), new GatewaySettingsText { PublicUrl = "https://preview.example.com" }, registryRequired: false, Project, diagnostics);
        Assert.IsNotNull(forRender, string.Join("\n", diagnostics));
        Assert.AreEqual("https://preview.example.com/", forRender.PublicBase.ToString());
    }

    [TestMethod]
    [DataRow("registry.example.com", "registry.example.com", "")]
    [DataRow("127.0.0.1:5000/previews", "127.0.0.1:5000", "previews")]
    [DataRow("ghcr.io/acme/team-a/previews/", "ghcr.io", "acme/team-a/previews")]
    public void ARegistry_IsHostAndPrefix(string text, string host, string prefix)
    {
        Assert.AreEqual(new RegistryAddress(host, prefix), KubernetesSettingsReader.ParseRegistry(text));
    }

    [TestMethod]
    [DataRow("https://registry.example.com")]
    [DataRow("registry.example.com/Previews")]
    [DataRow("registry.example.com:99999")]
    [DataRow("registry.example.com/shop:tag")]
    [DataRow("-bad-.example.com")]
    public void ARegistryAddress_HasNoSchemeTagOrUppercase(string text)
    {
        Assert.IsNull(KubernetesSettingsReader.ParseRegistry(text));
    }

    [TestMethod]
    [DataRow("db.internal.example.com:5432", true)]
    [DataRow("10.1.2.3:6543", true)]
    [DataRow("db.internal.example.com", false)]
    [DataRow("db:0", false)]
    [DataRow("::1:5432", false)]
    public void AnExternalEndpoint_IsHostAndPort(string text, bool valid)
    {
        Assert.AreEqual(valid, ExternalEndpoint.Parse(text) is not null);
    }

    [TestMethod]
    public void NamespaceNames_AreDnsLabels_AndLongOnesStayUnique()
    {
        Assert.AreEqual("preview-shop-main", ClusterLabels.NamespaceOf("shop", "main"));
        var first = ClusterLabels.NamespaceOf("a-rather-long-application-name", "feature-with-a-very-long-branch-name-one");
        var second = ClusterLabels.NamespaceOf("a-rather-long-application-name", "feature-with-a-very-long-branch-name-two");
        Assert.IsLessThanOrEqualTo(63, first.Length);
        Assert.AreNotEqual(first, second);
        Assert.AreEqual("Ada_Lovelace", ClusterLabels.LabelValue("Ada Lovelace"));
        Assert.AreEqual("unknown", ClusterLabels.LabelValue("  "));
    }
}

/// <summary>preview.yaml's <c>external:</c> on a dependency.</summary>
[TestClass]
public sealed class ExternalDependencyManifestTests
{
    [TestMethod]
    public void External_IsReadIntoTheEntry()
    {
        var result = Core.Manifest.ManifestReader.Read("preview.yaml", "dependencies:\n  postgres:\n    type: postgres\n    databases: [shopdb]\n    external: db.internal.example.com:5432\n");
        Assert.IsEmpty(result.Diagnostics.Where(diagnostic => diagnostic.IsError).ToList());
        Assert.AreEqual("db.internal.example.com:5432", result.Manifest!.Dependencies.Single().External?.Value);
    }

    [TestMethod]
    public void AnExternalThatIsNotHostAndPort_IsPREVIEW1005AtItsValue()
    {
        var result = Core.Manifest.ManifestReader.Read("preview.yaml", "dependencies:\n  cache:\n    type: redis\n    external: cache.example.com\n");
        var error = result.Diagnostics.Single(diagnostic => diagnostic.IsError);
        Assert.AreEqual(DiagnosticCodes.InvalidValue, error.Code);
        Assert.AreEqual(4, (int)error.Line);
        StringAssert.Contains(error.Message, "host:port");
    }
}
