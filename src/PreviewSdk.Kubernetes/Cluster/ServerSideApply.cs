using k8s;
using k8s.Models;

namespace PreviewSdk.Kubernetes.Cluster;

/// <summary>
/// Applies an object with Kubernetes' server-side apply (<c>PATCH</c> with <c>application/apply-patch+yaml</c>) under
/// PreviewSdk's field manager, forcing ownership of the fields it sets: the cluster merges, so applying the same
/// environment again changes nothing, and fields other managers own (an autoscaler's replicas) stay theirs.
/// </summary>
public static class ServerSideApply
{
    /// <summary>The field manager PreviewSdk applies as.</summary>
    public const string FieldManager = "previewsdk";

    /// <summary>Applies <paramref name="item"/> (one of the kinds PreviewSdk renders).</summary>
    public static async Task ApplyAsync(IKubernetes client, IKubernetesObject<V1ObjectMeta> item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(item);
        var patch = new V1Patch(item, V1Patch.PatchType.ApplyPatch);
        var name = item.Metadata.Name;
        var ns = item.Metadata.NamespaceProperty;
        _ = item switch
        {
            V1Namespace => await client.CoreV1.PatchNamespaceAsync(patch, name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken) as object,
            V1ResourceQuota => await client.CoreV1.PatchNamespacedResourceQuotaAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1LimitRange => await client.CoreV1.PatchNamespacedLimitRangeAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1ConfigMap => await client.CoreV1.PatchNamespacedConfigMapAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1Secret => await client.CoreV1.PatchNamespacedSecretAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1Service => await client.CoreV1.PatchNamespacedServiceAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1ServiceAccount => await client.CoreV1.PatchNamespacedServiceAccountAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1Deployment => await client.AppsV1.PatchNamespacedDeploymentAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1StatefulSet => await client.AppsV1.PatchNamespacedStatefulSetAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1Job => await client.BatchV1.PatchNamespacedJobAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1CronJob => await client.BatchV1.PatchNamespacedCronJobAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1Ingress => await client.NetworkingV1.PatchNamespacedIngressAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1NetworkPolicy => await client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1EndpointSlice => await client.DiscoveryV1.PatchNamespacedEndpointSliceAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1ClusterRole => await client.RbacAuthorizationV1.PatchClusterRoleAsync(patch, name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            V1ClusterRoleBinding => await client.RbacAuthorizationV1.PatchClusterRoleBindingAsync(patch, name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            _ => throw new NotSupportedException($"PreviewSdk does not apply {item.Kind} objects."),
        };
    }
}
