using k8s.Models;
using PreviewSdk.Kubernetes.Rendering;
using PreviewSdk.Kubernetes.Tests.Infrastructure;
using Pod = PreviewSdk.Kubernetes.Tests.Infrastructure.NetworkPolicyEvaluator.Pod;

namespace PreviewSdk.Kubernetes.Tests.Rendering;

/// <summary>
/// The NetworkPolicies, checked on the rendered objects of two environments side by side: no pod of one reaches a pod
/// of the other; within an environment everything talks; the ingress controller reaches the gateway and nothing else.
/// </summary>
[TestClass]
public sealed class IsolationTests
{
    private static readonly RenderedEnvironment Main = ShopSample.Render("heavyweight", environment: "main");
    private static readonly RenderedEnvironment Other = ShopSample.Render("heavyweight", environment: "pr-7");
    private static readonly List<V1NetworkPolicy> Policies = [.. Main.OfKind<V1NetworkPolicy>(), .. Other.OfKind<V1NetworkPolicy>()];

    private static readonly Pod IngressController = new(
        new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "ingress-nginx" },
        new Dictionary<string, string> { ["app.kubernetes.io/name"] = "ingress-nginx" },
        "ingress-nginx");

    [TestMethod]
    public void EveryObject_IsInTheEnvironmentsNamespace()
    {
        foreach (var item in Main.Objects.Skip(1))
        {
            Assert.AreEqual(Main.Namespace, item.Metadata.NamespaceProperty, $"{item.Kind}/{item.Metadata.Name}");
        }

        Assert.AreEqual("Namespace", Main.Objects[0].Kind);
    }

    [TestMethod]
    public void AnotherEnvironmentsPods_ReachNothing()
    {
        foreach (var source in Pods(Other))
        {
            foreach (var (target, port) in Targets(Main))
            {
                Assert.IsFalse(NetworkPolicyEvaluator.Allows(Policies, source, target, port),
                    $"{source.Labels["app.kubernetes.io/name"]} of {source.Namespace} reaches {target.Labels["app.kubernetes.io/name"]} of {target.Namespace}:{port}");
            }
        }
    }

    [TestMethod]
    public void PodsOfOneEnvironment_ReachEachOther()
    {
        foreach (var source in Pods(Main))
        {
            foreach (var (target, port) in Targets(Main))
            {
                Assert.IsTrue(NetworkPolicyEvaluator.Allows(Policies, source, target, port));
            }
        }
    }

    [TestMethod]
    public void TheIngressController_ReachesOnlyTheGateway()
    {
        foreach (var (target, port) in Targets(Main))
        {
            var isGateway = target.Labels["app.kubernetes.io/name"] == GatewayObjects.Name;
            Assert.AreEqual(isGateway, NetworkPolicyEvaluator.Allows(Policies, IngressController, target, port), $"{target.Labels["app.kubernetes.io/name"]}:{port}");
        }

        var gateway = Targets(Main).Single(target => target.Pod.Labels["app.kubernetes.io/name"] == GatewayObjects.Name).Pod;
        Assert.IsFalse(NetworkPolicyEvaluator.Allows(Policies, IngressController, gateway, 9090), "only the gateway's port");
    }

    private static Dictionary<string, string> NamespaceLabels(RenderedEnvironment environment) =>
        new(environment.OfKind<V1Namespace>().Single().Metadata.Labels);

    private static IEnumerable<Pod> Pods(RenderedEnvironment environment)
    {
        var labels = NamespaceLabels(environment);
        return Templates(environment).Select(template => new Pod(labels, new Dictionary<string, string>(template.Template.Metadata.Labels), environment.Namespace));
    }

    // Every workload's pod with each port it serves.
    private static List<(Pod Pod, int Port)> Targets(RenderedEnvironment environment) =>
        Pods(environment).Zip(Templates(environment))
            .SelectMany(pair => (pair.Second.Template.Spec.Containers.SelectMany(container => container.Ports ?? []).Select(port => port.ContainerPort).DefaultIfEmpty(8080))
                .Select(port => (pair.First, port)))
            .ToList();

    private static IEnumerable<(string Name, V1PodTemplateSpec Template)> Templates(RenderedEnvironment environment) =>
        environment.OfKind<V1Deployment>().Select(item => (item.Metadata.Name, item.Spec.Template))
            .Concat(environment.OfKind<V1StatefulSet>().Select(item => (item.Metadata.Name, item.Spec.Template)))
            .Concat(environment.OfKind<V1Job>().Select(item => (item.Metadata.Name, item.Spec.Template)));
}
