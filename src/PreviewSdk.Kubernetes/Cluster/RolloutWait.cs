using System.Globalization;
using k8s;
using k8s.Models;
using PreviewSdk.Kubernetes.Rendering;

namespace PreviewSdk.Kubernetes.Cluster;

/// <summary>Where an environment's rollout stands: ready, still waiting for a workload, or failed (a seeding Job).</summary>
/// <param name="Waiting">The first workload not ready (<c>Deployment/shop-api</c>), or null.</param>
/// <param name="Reason">Why, in the cluster's words.</param>
/// <param name="FailedJob">The Job that failed for good, or null.</param>
public sealed record RolloutState(string? Waiting, string? Reason, string? FailedJob)
{
    /// <summary>True when every workload is ready and every Job succeeded.</summary>
    public bool IsReady => Waiting is null && FailedJob is null;
}

/// <summary>
/// Waits for an environment's workloads as <c>kubectl rollout status</c> does: a Deployment has its generation
/// observed and every replica updated and available, a StatefulSet every replica ready, a Job a success. Polls
/// every 2 s, as the local target polls its state folder.
/// </summary>
public sealed class RolloutWait(IKubernetes client)
{
    /// <summary>How often the workloads are read.</summary>
    public static TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Waits until <paramref name="environment"/> is ready, a Job failed, or <paramref name="timeout"/> passed; returns the last state.</summary>
    public async Task<RolloutState> WaitAsync(RenderedEnvironment environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var state = await ReadAsync(environment, cancellationToken);
            if (state.IsReady || state.FailedJob is not null || DateTimeOffset.UtcNow >= deadline)
            {
                return state;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>The state now.</summary>
    public async Task<RolloutState> ReadAsync(RenderedEnvironment environment, CancellationToken cancellationToken)
    {
        var ns = environment.Namespace;
        foreach (var item in environment.Objects)
        {
            switch (item)
            {
                case V1StatefulSet set:
                    var statefulSet = await client.AppsV1.ReadNamespacedStatefulSetAsync(set.Metadata.Name, ns, cancellationToken: cancellationToken);
                    var wanted = statefulSet.Spec?.Replicas ?? 1;
                    if ((statefulSet.Status?.ReadyReplicas ?? 0) < wanted)
                    {
                        return new RolloutState($"StatefulSet/{set.Metadata.Name}", Count(statefulSet.Status?.ReadyReplicas, wanted, "ready"), null);
                    }

                    break;
                case V1Deployment rendered:
                    var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync(rendered.Metadata.Name, ns, cancellationToken: cancellationToken);
                    if (DeploymentWaiting(deployment) is { } reason)
                    {
                        return new RolloutState($"Deployment/{rendered.Metadata.Name}", reason, null);
                    }

                    break;
            }
        }

        foreach (var rendered in environment.OfKind<V1Job>())
        {
            var job = await client.BatchV1.ReadNamespacedJobAsync(rendered.Metadata.Name, ns, cancellationToken: cancellationToken);
            var failed = job.Status?.Conditions?.FirstOrDefault(condition => condition.Type == "Failed" && condition.Status == "True");
            if (failed is not null)
            {
                return new RolloutState($"Job/{rendered.Metadata.Name}", failed.Message ?? failed.Reason, rendered.Metadata.Name);
            }

            if ((job.Status?.Succeeded ?? 0) < 1)
            {
                return new RolloutState($"Job/{rendered.Metadata.Name}", (job.Status?.Failed ?? 0) > 0 ? $"{job.Status!.Failed} failed attempt(s) so far" : "not finished", null);
            }
        }

        return new RolloutState(null, null, null);
    }

    private static string? DeploymentWaiting(V1Deployment deployment)
    {
        var wanted = deployment.Spec?.Replicas ?? 1;
        var status = deployment.Status;
        var stuck = status?.Conditions?.FirstOrDefault(condition => condition.Type is "Progressing" or "ReplicaFailure" && condition.Status == "False")?.Message;
        if ((status?.ObservedGeneration ?? 0) < (deployment.Metadata.Generation ?? 0))
        {
            return "its new generation is not observed yet";
        }

        if ((status?.UpdatedReplicas ?? 0) < wanted || (status?.AvailableReplicas ?? 0) < wanted)
        {
            return Count(status?.AvailableReplicas, wanted, "available") + (stuck is null ? string.Empty : "; " + stuck);
        }

        return null;
    }

    private static string Count(int? have, int wanted, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{have ?? 0} of {wanted} replica(s) {what}");
}
