using k8s;
using k8s.Models;
using PreviewSdk.Kubernetes.Naming;

namespace PreviewSdk.Kubernetes.Cluster;

/// <summary>The environments of a cluster, found, read and deleted by their namespaces' labels.</summary>
public sealed class EnvironmentNamespaces(IKubernetes client)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>Every environment on the cluster (any app, any team).</summary>
    public async Task<IReadOnlyList<ClusterEnvironment>> ListAsync(CancellationToken cancellationToken, string? selector = null)
    {
        var list = await client.CoreV1.ListNamespaceAsync(labelSelector: selector ?? ClusterLabels.ManagedSelector, cancellationToken: cancellationToken);
        return [.. list.Items.Select(item => new ClusterEnvironment(item)).OrderBy(environment => environment.CreatedAt).ThenBy(environment => environment.Name, StringComparer.Ordinal)];
    }

    /// <summary>The namespace called <paramref name="name"/> whatever its labels, or null when there is none.</summary>
    public async Task<ClusterEnvironment?> FindAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return new ClusterEnvironment(await client.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (ClusterFailure.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes the namespace of <paramref name="environment"/> (foreground: its objects go first) and waits until it is
    /// gone; false when it is still there after <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> DeleteAsync(ClusterEnvironment environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.DeleteNamespaceAsync(environment.Name, new V1DeleteOptions { PropagationPolicy = "Foreground" }, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (ClusterFailure.IsNotFound(e))
        {
            return true;
        }

        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await FindAsync(environment.Name, cancellationToken) is null)
            {
                return true;
            }

            await Task.Delay(Poll, cancellationToken);
        }

        return false;
    }
}
