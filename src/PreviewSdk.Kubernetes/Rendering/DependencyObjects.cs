using System.Text;
using k8s.Models;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Planning;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// A backing dependency: a StatefulSet with a PersistentVolumeClaim and a headless Service for the ones the
/// environment runs (the images a container of it runs locally too), or an ExternalName Service for one declared
/// <c>external:</c>, so the services' connection strings name the dependency the same way either way.
/// </summary>
internal sealed class DependencyObjects(RenderRequest request, ObjectMetadata metadata, string environmentId)
{
    /// <summary>
    /// The image a dependency runs: the same as a container of it on this machine (preview.yaml's <c>image:</c>, else
    /// <see cref="DefaultImages"/>), from <c>PreviewContainerRegistry</c> when given, so a mirror serves both targets.
    /// </summary>
    public string ImageOf(DependencyPlan dependency) => ImageReference.Pulled(dependency.Image, request.Settings.ContainerRegistry).ToString();

    public (IReadOnlyList<object> Objects, Allocation? Allocation) Render(DependencyPlan dependency)
    {
        if (ExternalEndpoint.Parse(dependency.External) is { } external)
        {
            return (External(dependency, external), null);
        }

        return dependency.Kind == DependencyKind.Postgres ? Postgres(dependency) : Redis(dependency);
    }

    /// <summary>The claim of a PostgreSQL server: 1Gi, plus 1Gi per 4 of the profile's data scale, at most 16Gi.</summary>
    public long PostgresStorageBytes(DependencyPlan dependency) =>
        (long)Math.Clamp(Math.Ceiling(request.Profile.ScaleOf(dependency.Name) / 4), 1, 16) << 30;

    public static long RedisStorageBytes => 256L << 20;

    private (IReadOnlyList<object>, Allocation) Postgres(DependencyPlan dependency)
    {
        var name = dependency.Name;
        var initName = $"{name}-init";
        // The official image runs these once, on an empty data folder: the databases, each marked as this
        // environment's, which is the mark the seeder's guard asks for before it writes a row.
        var init = new StringBuilder();
        foreach (var database in dependency.Databases)
        {
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            init.Append($"CREATE DATABASE {quoted};\nCOMMENT ON DATABASE {quoted} IS '{DatabaseMark.Prefix}{environmentId}';\n");
        }

        var configMap = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = metadata.For(initName, name),
            Data = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["10-databases.sql"] = init.ToString() },
        };
        var size = Rendering.ContainerSize.Postgres.LimitedBy(request.Profile.Dependencies.GetValueOrDefault(name)?.Limits);
        var storage = PostgresStorageBytes(dependency);
        var container = new V1Container
        {
            Name = "postgres",
            Image = ImageOf(dependency),
            Env =
            [
                ObjectMetadata.Variable("POSTGRES_USER", ConnectionTargets.PostgresUser),
                ServiceObjects.SecretVariable("POSTGRES_PASSWORD", ConnectionTargets.CredentialsSecret(name), "password"),
                ObjectMetadata.Variable("PGDATA", "/var/lib/postgresql/data/pgdata"),
            ],
            Ports = [new V1ContainerPort { Name = "postgres", ContainerPort = ConnectionTargets.PostgresPort, Protocol = "TCP" }],
            Resources = size.ToRequirements(),
            ReadinessProbe = new V1Probe
            {
                Exec = new V1ExecAction { Command = ["pg_isready", "-U", ConnectionTargets.PostgresUser, "-d", "postgres", "-h", "127.0.0.1"] },
                PeriodSeconds = 3,
                FailureThreshold = 3,
                TimeoutSeconds = 3,
            },
            VolumeMounts =
            [
                new V1VolumeMount { Name = "data", MountPath = "/var/lib/postgresql/data" },
                new V1VolumeMount { Name = "init", MountPath = "/docker-entrypoint-initdb.d", ReadOnlyProperty = true },
            ],
        };
        var statefulSet = StatefulSet(name, container, [new V1Volume { Name = "init", ConfigMap = new V1ConfigMapVolumeSource { Name = initName } }], storage);
        return ([configMap, statefulSet, ServiceObjects.ClusterService(metadata, name, "postgres", ConnectionTargets.PostgresPort, headless: true)],
            new Allocation(name, size, 1, storage, 1));
    }

    private (IReadOnlyList<object>, Allocation) Redis(DependencyPlan dependency)
    {
        var name = dependency.Name;
        var size = Rendering.ContainerSize.Redis.LimitedBy(request.Profile.Dependencies.GetValueOrDefault(name)?.Limits);
        var container = new V1Container
        {
            Name = "redis",
            Image = ImageOf(dependency),
            Args = ["--save", "60", "1", "--appendonly", "no", "--dir", "/data", "--protected-mode", "no"],
            Ports = [new V1ContainerPort { Name = "redis", ContainerPort = ConnectionTargets.RedisPort, Protocol = "TCP" }],
            Resources = size.ToRequirements(),
            ReadinessProbe = new V1Probe
            {
                Exec = new V1ExecAction { Command = ["redis-cli", "ping"] },
                PeriodSeconds = 3,
                FailureThreshold = 3,
                TimeoutSeconds = 3,
            },
            VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = "/data" }],
        };
        return ([StatefulSet(name, container, null, RedisStorageBytes), ServiceObjects.ClusterService(metadata, name, "redis", ConnectionTargets.RedisPort, headless: true)],
            new Allocation(name, size, 1, RedisStorageBytes, 1));
    }

    private V1StatefulSet StatefulSet(string name, V1Container container, IList<V1Volume>? volumes, long storageBytes) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "StatefulSet",
        Metadata = metadata.For(name, name),
        Spec = new V1StatefulSetSpec
        {
            ServiceName = name,
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = ObjectMetadata.Selector(name) },
            Template = ServiceObjects.PodTemplate(metadata, name, [container], volumes),
            VolumeClaimTemplates =
            [
                new V1PersistentVolumeClaim
                {
                    Metadata = new V1ObjectMeta { Name = "data", Labels = metadata.ComponentLabels(name) },
                    Spec = new V1PersistentVolumeClaimSpec
                    {
                        AccessModes = ["ReadWriteOnce"],
                        Resources = new V1VolumeResourceRequirements
                        {
                            Requests = new SortedDictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["storage"] = ContainerSize.Memory(storageBytes) },
                        },
                    },
                },
            ],
        },
    };

    // ExternalName is a DNS alias: the services keep using the dependency's own name. An IP address cannot be an
    // alias, so it gets a Service without selector and an EndpointSlice naming the address.
    private IReadOnlyList<object> External(DependencyPlan dependency, ExternalEndpoint endpoint)
    {
        var service = new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = metadata.For(dependency.Name, dependency.Name),
            Spec = endpoint.IsAddress
                ? new V1ServiceSpec { Type = "ClusterIP", Ports = [new V1ServicePort { Name = "tcp", Port = endpoint.Port, Protocol = "TCP" }] }
                : new V1ServiceSpec { Type = "ExternalName", ExternalName = endpoint.Host },
        };
        if (!endpoint.IsAddress)
        {
            return [service];
        }

        var sliceMetadata = metadata.For(dependency.Name, dependency.Name);
        sliceMetadata.Labels["kubernetes.io/service-name"] = dependency.Name;
        return
        [
            service,
            new V1EndpointSlice
            {
                ApiVersion = "discovery.k8s.io/v1",
                Kind = "EndpointSlice",
                Metadata = sliceMetadata,
                AddressType = "IPv4",
                Endpoints = [new V1Endpoint { Addresses = [endpoint.Host] }],
                Ports = [new Discoveryv1EndpointPort { Name = "tcp", Port = endpoint.Port, Protocol = "TCP" }],
            },
        ];
    }
}
