using k8s;
using k8s.Models;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>One environment rendered: its namespace, its objects in the order they are applied, the Secrets created at apply time, and its links.</summary>
/// <param name="Namespace">The namespace's name.</param>
/// <param name="Objects">Every object, the Namespace first, in apply order.</param>
/// <param name="Secrets">The Secrets the objects refer to, created (with fresh values) when the environment is applied.</param>
/// <param name="Addresses">The environment's host names and links.</param>
/// <param name="Allocations">What each workload may take, summed into the quota.</param>
public sealed record RenderedEnvironment(
    string Namespace,
    IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects,
    IReadOnlyList<SecretPlan> Secrets,
    GatewayAddresses Addresses,
    IReadOnlyList<Allocation> Allocations)
{
    /// <summary>The objects of kind <typeparamref name="T"/>.</summary>
    public IEnumerable<T> OfKind<T>() => Objects.OfType<T>();
}
