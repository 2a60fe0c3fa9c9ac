using k8s;
using k8s.Models;
using PreviewSdk.Core.Budgets;
using PreviewSdk.Kubernetes.Naming;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// Renders one environment from the validated plan into KubernetesClient's typed objects: the namespace with its
/// registry labels, quota and limit range; per service a Deployment and a Service; per dependency a StatefulSet or
/// an external alias; a seeding Job per seeded database; the gateway behind an Ingress; the NetworkPolicies.
/// Deterministic: the same request gives equal objects in the same order.
/// </summary>
public static class EnvironmentRenderer
{
    /// <summary>The environment id of <paramref name="app"/>'s environment <paramref name="environment"/> on a cluster: stable, so rendering stays deterministic; it scopes the gateway's cookie and marks the databases.</summary>
    public static string EnvironmentId(string app, string environment) => $"{app}--{environment}";

    /// <summary>Renders <paramref name="request"/>.</summary>
    public static RenderedEnvironment Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = request.Plan;
        var namespaceName = ClusterLabels.NamespaceOf(plan.AppName, request.Environment);
        var metadata = new ObjectMetadata(plan.AppName, request.Environment, namespaceName);
        var environmentId = EnvironmentId(plan.AppName, request.Environment);
        var connections = new ConnectionTargets(plan);
        var services = new ServiceObjects(request, metadata, connections);
        var gateway = new GatewayObjects(request, metadata, environmentId);

        var allocations = new List<Allocation>();
        var configuration = new List<object>();
        var workloads = new List<object>();
        var running = plan.Dependencies.Where(dependency => request.Profile.IsEnabled(dependency.Name)).ToList();
        var dependencyObjects = new DependencyObjects(request, metadata, environmentId);
        foreach (var dependency in running)
        {
            var (objects, allocation) = dependencyObjects.Render(dependency);
            workloads.AddRange(objects);
            if (allocation is not null)
            {
                allocations.Add(allocation);
            }
        }

        foreach (var service in plan.Services)
        {
            var (objects, allocation) = services.Render(service);
            workloads.AddRange(objects);
            allocations.Add(allocation);
        }

        var (gatewayObjects, gatewayAllocation) = gateway.Render();
        workloads.AddRange(gatewayObjects);
        allocations.Add(gatewayAllocation);

        var seeds = new SeedObjects(request, metadata, environmentId);
        var seeded = plan.Seeds.Where(seed => running.Any(dependency => dependency.Name == seed.Server && dependency.External is null)).ToList();
        if (seeded.Count > 0)
        {
            configuration.Add(seeds.Manifest());
        }

        foreach (var seed in seeded)
        {
            var (objects, allocation) = seeds.Render(seed);
            workloads.AddRange(objects);
            allocations.Add(allocation);
        }

        var addresses = gateway.Addresses();
        var footprint = EnvironmentFootprint.Of(plan, request.Profile);
        var all = new List<object>
        {
            NamespaceObjects.Namespace(request, metadata, footprint, addresses.DirectoryUrl),
            NamespaceObjects.Quota(metadata, allocations, request.Budget),
            NamespaceObjects.LimitRange(metadata, allocations),
        };
        all.AddRange(IsolationPolicies.Render(metadata, Core.Sharing.StandaloneGatewayConfig.DefaultPort));
        all.AddRange(configuration);
        // ConfigMaps before the workloads that mount them, Services before what calls them.
        all.AddRange(workloads.OfType<V1ConfigMap>());
        all.AddRange(workloads.Where(item => item is not V1ConfigMap));
        return new RenderedEnvironment(
            namespaceName,
            all.Cast<IKubernetesObject<V1ObjectMeta>>().ToList(),
            Secrets(request, plan, connections, services, gateway.TokenAuth),
            addresses,
            allocations);
    }

    private static List<SecretPlan> Secrets(RenderRequest request, Core.Planning.EnvironmentPlan plan, ConnectionTargets connections, ServiceObjects services, bool tokenAuth)
    {
        var secrets = new List<SecretPlan>();
        var entries = connections.All(plan.Services, services.IsRunning);
        foreach (var seed in plan.Seeds.Where(seed => services.IsRunning(seed.Database)))
        {
            if (connections.ConnectionString(seed.Database) is { } template)
            {
                entries[seed.Database] = template;
            }
        }

        secrets.Add(new SecretPlan(ConnectionTargets.SecretName, entries));
        foreach (var dependency in plan.Dependencies.Where(dependency => request.Profile.IsEnabled(dependency.Name)).ToList().Where(d => d.Kind == Core.Planning.DependencyKind.Postgres && d.External is null))
        {
            secrets.Add(new SecretPlan(ConnectionTargets.CredentialsSecret(dependency.Name), new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["password"] = SecretTemplate.Password(dependency.Name),
                ["username"] = ConnectionTargets.PostgresUser,
            }));
        }

        if (tokenAuth)
        {
            secrets.Add(new SecretPlan(GatewayObjects.AccessSecret, new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [Core.Sharing.AccessTokenFile.FileName] = SecretTemplate.Token,
            }));
        }

        return secrets;
    }
}
