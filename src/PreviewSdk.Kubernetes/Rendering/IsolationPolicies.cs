using k8s.Models;
using PreviewSdk.Kubernetes.Naming;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// The NetworkPolicies that keep environments apart: nothing enters a pod of the namespace (default deny) except
/// from the namespace's own pods, and the gateway from namespaces that are not preview environments (where the
/// ingress controller runs). Another environment's pods match neither rule, so they reach nothing here.
/// </summary>
internal static class IsolationPolicies
{
    public const string DenyAll = "deny-ingress";
    public const string SameNamespace = "allow-same-namespace";
    public const string IngressToGateway = "allow-ingress-to-gateway";

    public static IReadOnlyList<V1NetworkPolicy> Render(ObjectMetadata metadata, int gatewayPort) =>
    [
        Policy(metadata, DenyAll, new V1LabelSelector(), []),
        Policy(metadata, SameNamespace, new V1LabelSelector(), [new V1NetworkPolicyIngressRule { FromProperty = [new V1NetworkPolicyPeer { PodSelector = new V1LabelSelector() }] }]),
        Policy(metadata, IngressToGateway, new V1LabelSelector { MatchLabels = ObjectMetadata.Selector(GatewayObjects.Name) },
        [
            new V1NetworkPolicyIngressRule
            {
                FromProperty =
                [
                    new V1NetworkPolicyPeer
                    {
                        NamespaceSelector = new V1LabelSelector
                        {
                            MatchExpressions = [new V1LabelSelectorRequirement { Key = ClusterLabels.ManagedBy, OperatorProperty = "NotIn", Values = [ClusterLabels.ManagerValue] }],
                        },
                    },
                ],
                Ports = [new V1NetworkPolicyPort { Port = gatewayPort, Protocol = "TCP" }],
            },
        ]),
    ];

    private static V1NetworkPolicy Policy(ObjectMetadata metadata, string name, V1LabelSelector pods, IList<V1NetworkPolicyIngressRule> rules) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = metadata.For(name),
        Spec = new V1NetworkPolicySpec { PodSelector = pods, PolicyTypes = ["Ingress"], Ingress = rules },
    };
}
