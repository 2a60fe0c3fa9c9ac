using k8s.Models;
using PreviewSdk.Kubernetes.Rendering;
using PreviewSdk.Kubernetes.Tests.Infrastructure;

namespace PreviewSdk.Kubernetes.Tests.Rendering;

/// <summary>
/// What the cluster runs matches what containers run on this machine: a dependency's image is preview.yaml's
/// <c>image:</c> (else the default) from <c>PreviewContainerRegistry</c> when given; a service with
/// <c>protocol: http2</c> is probed and announced as HTTP/2, which the kubelet's HTTP probe cannot speak.
/// </summary>
[TestClass]
public sealed class ContainerParityTests
{
    [TestMethod]
    public void Dependencies_RunTheirImageKey_OrTheDefault_FromTheirOwnRegistry()
    {
        var images = DependencyImages(ShopSample.Request("heavyweight"));
        Assert.AreEqual("docker.io/library/postgres:15", images["postgres"], "the sample's image: postgres:15");
        Assert.AreEqual("docker.io/library/redis:7", images["cache"], "no image: key, the default");
    }

    [TestMethod]
    public void PreviewContainerRegistry_ReplacesTheRegistryOfEveryDependencyImage()
    {
        var request = ShopSample.Request("heavyweight");
        request = request with { Settings = request.Settings with { ContainerRegistry = "mirror.example.com:5000" } };
        var images = DependencyImages(request);
        Assert.AreEqual("mirror.example.com:5000/library/postgres:15", images["postgres"]);
        Assert.AreEqual("mirror.example.com:5000/library/redis:7", images["cache"]);
    }

    [TestMethod]
    public void AnImageKey_IsTheImageTheStatefulSetRuns()
    {
        var request = ShopSample.Request("heavyweight");
        request = request with
        {
            Plan = request.Plan with
            {
                Dependencies = [.. request.Plan.Dependencies.Select(d => d.Name == "postgres" ? d with { Image = "registry.example.com/team/pg:17.2" } : d)],
            },
        };
        Assert.AreEqual("registry.example.com/team/pg:17.2", DependencyImages(request)["postgres"]);
    }

    [TestMethod]
    public void AProfilesCpuAndMemoryForADependency_AreItsStatefulSetsLimits()
    {
        // heavyweight: cache { cpu: 0.5, memory: 256Mi }, postgres { cpu: 1, memory: 1Gi }, the same as its containers locally.
        var sets = ShopSample.Render("heavyweight").OfKind<V1StatefulSet>().ToDictionary(set => set.Metadata.Name, set => set.Spec.Template.Spec.Containers[0].Resources.Limits);
        Assert.AreEqual("500m", sets["cache"]["cpu"].ToString());
        Assert.AreEqual("256Mi", sets["cache"]["memory"].ToString());
        Assert.AreEqual("1", sets["postgres"]["cpu"].ToString());
        Assert.AreEqual("1Gi", sets["postgres"]["memory"].ToString());

        var request = ShopSample.Request("heavyweight");
        var dependencies = request.Profile.Dependencies.ToDictionary(
            pair => pair.Key,
            pair => pair.Key == "postgres" ? pair.Value with { Limits = new Core.Profiles.ResourceLimits(2, null) } : pair.Value);
        var postgres = EnvironmentRenderer.Render(request with { Profile = request.Profile with { Dependencies = dependencies } })
            .OfKind<V1StatefulSet>().Single(set => set.Metadata.Name == "postgres").Spec.Template.Spec.Containers[0].Resources.Limits;
        Assert.AreEqual("2", postgres["cpu"].ToString());
        Assert.AreEqual("1Gi", postgres["memory"].ToString(), "memory not set: the default size");
    }

    [TestMethod]
    public void AnHttp2Service_IsProbedByTcp_AndItsServiceSpeaksH2c()
    {
        var request = ShopSample.Request("heavyweight");
        request = request with
        {
            Plan = request.Plan with { Services = [.. request.Plan.Services.Select(s => s.Name == "shop-api" ? s with { Http2 = true } : s)] },
        };
        var rendered = EnvironmentRenderer.Render(request);
        var api = rendered.OfKind<V1Deployment>().Single(d => d.Metadata.Name == "shop-api").Spec.Template.Spec.Containers[0];
        Assert.IsNull(api.ReadinessProbe.HttpGet);
        Assert.AreEqual("http", api.ReadinessProbe.TcpSocket.Port.Value);
        Assert.AreEqual("http", api.LivenessProbe.TcpSocket.Port.Value);
        Assert.AreEqual("kubernetes.io/h2c", rendered.OfKind<V1Service>().Single(s => s.Metadata.Name == "shop-api").Spec.Ports[0].AppProtocol);

        var web = rendered.OfKind<V1Deployment>().Single(d => d.Metadata.Name == "shop-web").Spec.Template.Spec.Containers[0];
        Assert.IsNotNull(web.ReadinessProbe.HttpGet, "an HTTP/1.1 service keeps its HTTP probe");
        Assert.IsNull(rendered.OfKind<V1Service>().Single(s => s.Metadata.Name == "shop-web").Spec.Ports[0].AppProtocol);
    }

    private static Dictionary<string, string> DependencyImages(RenderRequest request) =>
        EnvironmentRenderer.Render(request).OfKind<V1StatefulSet>().ToDictionary(set => set.Metadata.Name, set => set.Spec.Template.Spec.Containers[0].Image);
}
