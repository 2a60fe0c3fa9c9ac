using System.Text.Json;
using k8s.Models;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// The environment's gateway as a Deployment of its own (there is no app host on a cluster): PreviewSdk's gateway
/// library in a small host, configured by a ConfigMap (routes to the services' in-cluster addresses) and the access
/// token Secret mounted as a file, behind a Service and an Ingress on <c>&lt;env&gt;.&lt;domain&gt;</c> and
/// <c>*.&lt;env&gt;.&lt;domain&gt;</c>.
/// </summary>
internal sealed class GatewayObjects(RenderRequest request, ObjectMetadata metadata, string environmentId)
{
    /// <summary>The gateway's Deployment, Service, ConfigMap and the label its pods carry.</summary>
    public const string Name = "preview-gateway";

    /// <summary>The Ingress in front of it.</summary>
    public const string IngressName = "preview";

    /// <summary>The Secret holding the access token, key <see cref="AccessTokenFile.FileName"/>.</summary>
    public const string AccessSecret = "preview-access";

    /// <summary>The Secret an https public address expects the certificate of <c>*.&lt;env&gt;.&lt;domain&gt;</c> in.</summary>
    public const string TlsSecret = "preview-tls";

    /// <summary>The file the gateway reads its configuration from.</summary>
    public const string ConfigFile = "/etc/previewsdk/gateway/gateway.json";

    // An ingress controller's pods are somewhere in the cluster's private ranges; only they (and the environment's
    // own pods) may reach the gateway (see IsolationPolicies), so their forwarded headers are believed.
    private static readonly string[] PrivateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

    public bool TokenAuth => request.Settings.Gateway.Auth == GatewayAuth.Token;

    public GatewayAddresses Addresses() =>
        GatewayAddresses.For(request.Settings.Gateway with { PublicUrl = request.Settings.PublicBase }, request.Environment, 0, request.Plan.Services.Select(service => service.Name));

    public (IReadOnlyList<object> Objects, Allocation Allocation) Render()
    {
        var config = new StandaloneGatewayConfig
        {
            Environment = request.Environment,
            EnvironmentId = environmentId,
            App = request.Plan.AppName,
            Profile = request.Profile.Name,
            Owner = request.Owner,
            Branch = request.Branch,
            PublicUrl = request.Settings.PublicBase,
            Auth = TokenAuth ? "token" : "none",
            TrustedProxies = request.Settings.Gateway.TrustedProxies.Count > 0 ? [.. request.Settings.Gateway.TrustedProxies.Select(network => network.ToString())] : PrivateRanges,
            Services = [.. request.Plan.Services.Where(service => service.IsWeb).Select(service => new StandaloneGatewayService(service.Name, ConnectionTargets.ServiceUrl(service.Name), service.HealthPath))],
            Data = [.. request.Plan.Seeds.Select(seed => $"{seed.Database}: seeded by the job {SeedObjects.JobName(seed.Database)}")],
        };
        var configMap = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = metadata.For(Name, Name),
            Data = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["gateway.json"] = JsonSerializer.Serialize(config, StateJson.Options) + "\n" },
        };
        var volumes = new List<V1Volume> { new() { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = Name } } };
        var mounts = new List<V1VolumeMount> { new() { Name = "config", MountPath = Path.GetDirectoryName(ConfigFile)!, ReadOnlyProperty = true } };
        if (TokenAuth)
        {
            volumes.Add(new V1Volume { Name = "access", Secret = new V1SecretVolumeSource { SecretName = AccessSecret } });
            mounts.Add(new V1VolumeMount { Name = "access", MountPath = config.TokenDirectory, ReadOnlyProperty = true });
        }

        var container = new V1Container
        {
            Name = "gateway",
            Image = request.ProductImages.Gateway,
            Args = [ConfigFile],
            Ports = [new V1ContainerPort { Name = "http", ContainerPort = config.Port, Protocol = "TCP" }],
            Resources = ContainerSize.Gateway.ToRequirements(),
            VolumeMounts = mounts,
            ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/robots.txt", Port = "http", HttpHeaders = [new V1HTTPHeader { Name = "Host", Value = Addresses().EnvironmentHost }] }, PeriodSeconds = 5 },
            SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false },
        };
        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = metadata.For(Name, Name),
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = ObjectMetadata.Selector(Name) },
                Strategy = new V1DeploymentStrategy { Type = "RollingUpdate", RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "0", MaxUnavailable = "1" } },
                Template = ServiceObjects.PodTemplate(metadata, Name, [container], volumes),
            },
        };
        return ([configMap, deployment, ServiceObjects.ClusterService(metadata, Name, "http", config.Port), Ingress(config.Port)], new Allocation(Name, ContainerSize.Gateway, 1));
    }

    private V1Ingress Ingress(int port)
    {
        var addresses = Addresses();
        var hosts = new[] { addresses.EnvironmentHost, "*." + addresses.EnvironmentHost };
        var backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = Name, Port = new V1ServiceBackendPort { Number = port } } };
        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = metadata.For(IngressName, Name),
            Spec = new V1IngressSpec
            {
                IngressClassName = request.Settings.IngressClass,
                Rules = [.. hosts.Select(host => new V1IngressRule
                {
                    Host = host,
                    Http = new V1HTTPIngressRuleValue { Paths = [new V1HTTPIngressPath { Path = "/", PathType = "Prefix", Backend = backend }] },
                })],
                Tls = request.Settings.PublicBase.Scheme == Uri.UriSchemeHttps ? [new V1IngressTLS { Hosts = hosts, SecretName = TlsSecret }] : null,
            },
        };
    }
}
