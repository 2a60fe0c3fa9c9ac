using k8s.Models;

namespace PreviewSdk.Kubernetes.Tests.Infrastructure;

/// <summary>
/// Decides, as the NetworkPolicy API specifies for ingress, whether a connection from a pod (its namespace's labels
/// and its own) to a pod of the policies' namespace on a port is allowed: a pod no policy selects takes everything;
/// a selected pod takes what at least one selecting policy's rule allows (peer and port). Only the parts of the API
/// PreviewSdk renders are read (label selectors with matchLabels/matchExpressions In/NotIn, ports by number).
/// </summary>
internal static class NetworkPolicyEvaluator
{
    public sealed record Pod(IReadOnlyDictionary<string, string> NamespaceLabels, IReadOnlyDictionary<string, string> Labels, string Namespace);

    public static bool Allows(IEnumerable<V1NetworkPolicy> policies, Pod from, Pod to, int port)
    {
        var selecting = policies
            .Where(policy => policy.Metadata.NamespaceProperty == to.Namespace && (policy.Spec.PolicyTypes?.Contains("Ingress") ?? true))
            .Where(policy => Matches(policy.Spec.PodSelector, to.Labels))
            .ToList();
        if (selecting.Count == 0)
        {
            return true;
        }

        return selecting.Any(policy => (policy.Spec.Ingress ?? []).Any(rule =>
            (rule.FromProperty is null || rule.FromProperty.Count == 0 || rule.FromProperty.Any(peer => PeerMatches(peer, from, to.Namespace)))
            && (rule.Ports is null || rule.Ports.Count == 0 || rule.Ports.Any(allowed => allowed.Port?.Value == port.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
    }

    private static bool PeerMatches(V1NetworkPolicyPeer peer, Pod from, string policyNamespace)
    {
        if (peer.IpBlock is not null)
        {
            throw new NotSupportedException("ipBlock peers are not rendered by PreviewSdk");
        }

        // A peer with only a pod selector means pods of the policy's own namespace.
        var namespaceMatches = peer.NamespaceSelector is null ? from.Namespace == policyNamespace : Matches(peer.NamespaceSelector, from.NamespaceLabels);
        var podMatches = peer.PodSelector is null || Matches(peer.PodSelector, from.Labels);
        return namespaceMatches && podMatches;
    }

    private static bool Matches(V1LabelSelector? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return true;
        }

        var byLabels = (selector.MatchLabels ?? new Dictionary<string, string>()).All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
        var byExpressions = (selector.MatchExpressions ?? []).All(expression => expression.OperatorProperty switch
        {
            "In" => labels.TryGetValue(expression.Key, out var value) && expression.Values.Contains(value),
            "NotIn" => !labels.TryGetValue(expression.Key, out var value) || !expression.Values.Contains(value),
            "Exists" => labels.ContainsKey(expression.Key),
            "DoesNotExist" => !labels.ContainsKey(expression.Key),
            _ => throw new NotSupportedException(expression.OperatorProperty),
        });
        return byLabels && byExpressions;
    }
}
