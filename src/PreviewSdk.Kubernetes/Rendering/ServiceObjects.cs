using k8s.Models;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// Per service a Deployment (replicas, limits and variables from the profile, connection strings from the
/// environment's Secret, readiness and liveness probes on the health path) and, for a web service, a Service that
/// the other services and the gateway reach it by.
/// </summary>
internal sealed class ServiceObjects(RenderRequest request, ObjectMetadata metadata, ConnectionTargets connections)
{
    public (IReadOnlyList<object> Objects, Allocation Allocation) Render(ServicePlan service)
    {
        var settings = request.Profile.ServiceOf(service.Name);
        var replicas = settings?.Replicas ?? service.Replicas;
        var size = new ContainerSize(Core.Budgets.EnvironmentFootprint.DefaultCpus, Core.Budgets.EnvironmentFootprint.DefaultMemoryBytes).LimitedBy(settings?.Limits);
        var container = new V1Container
        {
            Name = service.Name,
            Image = request.ServiceImages.TryGetValue(service.Name, out var image) ? image : service.Name,
            Env = Variables(service, settings),
            Resources = size.ToRequirements(),
            SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false },
        };
        if (service.IsWeb)
        {
            container.Ports = [new V1ContainerPort { Name = "http", ContainerPort = ConnectionTargets.HttpPort, Protocol = "TCP" }];
            if (service.HealthPath is { } health)
            {
                // Readiness decides when the service gets traffic (and when -t:Preview counts it up); liveness restarts
                // a service that hangs, later and less eagerly, so a slow dependency does not cause a restart loop.
                container.ReadinessProbe = Probe(health, service.Http2, period: 5, failures: 3, initialDelay: 2);
                container.LivenessProbe = Probe(health, service.Http2, period: 10, failures: 6, initialDelay: 30);
            }
        }

        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = metadata.For(service.Name, service.Name),
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = ObjectMetadata.Selector(service.Name) },
                // No surge: the namespace's quota is exactly the environment's size, so a rollout replaces pods
                // instead of starting extra ones the quota would refuse.
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "0", MaxUnavailable = "1" },
                },
                Template = PodTemplate(metadata, service.Name, [container]),
            },
        };
        var objects = new List<object> { deployment };
        if (service.IsWeb)
        {
            var clusterService = ClusterService(metadata, service.Name, "http", ConnectionTargets.HttpPort);
            if (service.Http2)
            {
                // Tells ingress controllers and meshes to speak cleartext HTTP/2 to it, as the gateway does.
                clusterService.Spec.Ports[0].AppProtocol = "kubernetes.io/h2c";
            }

            objects.Add(clusterService);
        }

        return (objects, new Allocation(service.Name, size, replicas));
    }

    /// <summary>A pod template of the environment: no service account token (nothing in a preview talks to the API), no service links.</summary>
    public static V1PodTemplateSpec PodTemplate(ObjectMetadata metadata, string component, IList<V1Container> containers, IList<V1Volume>? volumes = null, string? restartPolicy = null) => new()
    {
        Metadata = new V1ObjectMeta { Labels = metadata.ComponentLabels(component) },
        Spec = new V1PodSpec
        {
            AutomountServiceAccountToken = false,
            EnableServiceLinks = false,
            Containers = containers,
            Volumes = volumes,
            RestartPolicy = restartPolicy,
        },
    };

    /// <summary>A ClusterIP Service in front of <paramref name="component"/>'s pods, on <paramref name="port"/>.</summary>
    public static V1Service ClusterService(ObjectMetadata metadata, string component, string portName, int port, bool headless = false) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = metadata.For(component, component),
        Spec = new V1ServiceSpec
        {
            ClusterIP = headless ? "None" : null,
            Selector = ObjectMetadata.Selector(component),
            Ports = [new V1ServicePort { Name = portName, Port = port, TargetPort = portName, Protocol = "TCP" }],
        },
    };

    // The kubelet's httpGet probe speaks HTTP/1.1 only, which an HTTP/2-only endpoint (protocol: http2) refuses, so
    // such a service is probed by a TCP connection to its port: ready once it listens.
    private static V1Probe Probe(string path, bool http2, int period, int failures, int initialDelay) => new()
    {
        HttpGet = http2 ? null : new V1HTTPGetAction { Path = path, Port = "http" },
        TcpSocket = http2 ? new V1TCPSocketAction { Port = "http" } : null,
        PeriodSeconds = period,
        FailureThreshold = failures,
        InitialDelaySeconds = initialDelay,
        TimeoutSeconds = 3,
    };

    // The order Aspire gives them locally: services: env, the profile's env (replacing a variable of the same name)
    // and feature flags, then each connection and service address it uses.
    private List<V1EnvVar> Variables(ServicePlan service, ServiceProfile? settings)
    {
        var variables = new List<V1EnvVar>();
        void Set(V1EnvVar variable)
        {
            variables.RemoveAll(existing => existing.Name == variable.Name);
            variables.Add(variable);
        }

        if (service.IsWeb)
        {
            Set(ObjectMetadata.Variable("ASPNETCORE_HTTP_PORTS", ConnectionTargets.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var (name, value) in service.Environment)
        {
            Set(ObjectMetadata.Variable(name, value));
        }

        foreach (var (name, value) in settings?.Environment ?? [])
        {
            Set(ObjectMetadata.Variable(name, value));
        }

        foreach (var (feature, enabled) in settings?.Features ?? [])
        {
            Set(ObjectMetadata.Variable($"FeatureManagement__{feature}", enabled ? "true" : "false"));
        }

        foreach (var reference in service.Uses)
        {
            if (reference.Kind == ReferenceKind.Service)
            {
                if (request.Plan.Services.FirstOrDefault(other => other.Name == reference.Name) is { IsWeb: true })
                {
                    Set(ObjectMetadata.Variable($"services__{reference.Name}__http__0", ConnectionTargets.ServiceUrl(reference.Name).ToString().TrimEnd('/')));
                }
            }
            else if (IsRunning(reference.Name) && connections.ConnectionString(reference.Name) is not null)
            {
                Set(SecretVariable($"ConnectionStrings__{reference.Name}", ConnectionTargets.SecretName, reference.Name));
            }
        }

        return variables;
    }

    /// <summary>Whether the dependency (or the server of the database) <paramref name="name"/> runs under the profile.</summary>
    public bool IsRunning(string name) =>
        request.Plan.Dependencies.FirstOrDefault(dependency => dependency.Name == name || dependency.Databases.Contains(name, StringComparer.Ordinal)) is not { } server
        || request.Profile.IsEnabled(server.Name);

    /// <summary>A variable read from a key of a Secret.</summary>
    public static V1EnvVar SecretVariable(string name, string secret, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } },
    };
}
