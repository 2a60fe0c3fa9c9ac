using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Kubernetes.Settings;

/// <summary>Where an environment runs: <c>-p:PreviewTarget=</c>.</summary>
public enum PreviewTarget
{
    /// <summary>This machine: a detached Aspire app host (the default).</summary>
    Local,

    /// <summary>A namespace of a Kubernetes cluster.</summary>
    Kubernetes,
}

/// <summary>
/// How the Kubernetes target reaches its cluster and its users: the kubeconfig and context, the registry service
/// images are pushed to, the ingress class, and the gateway's settings (domain, authentication, public address,
/// trusted proxies), validated once by <see cref="KubernetesSettingsReader"/>.
/// </summary>
public sealed record KubernetesSettings
{
    /// <summary>The kubeconfig file (<c>PreviewKubeconfig</c>); null for <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The kubeconfig context (<c>PreviewKubeContext</c>); null for the file's current context.</summary>
    public string? Context { get; init; }

    /// <summary>Where images are pushed (<c>PreviewRegistry</c>); null when none is given (render only).</summary>
    public RegistryAddress? Registry { get; init; }

    /// <summary>
    /// <c>PreviewContainerRegistry</c>: the registry the dependencies' images are pulled from instead of their own (a
    /// mirror), as for containers on this machine; null keeps each image's registry. Not where service images go:
    /// that is <see cref="Registry"/>.
    /// </summary>
    public string? ContainerRegistry { get; init; }

    /// <summary>The ingress class (<c>PreviewIngressClass</c>); null for the cluster's default class.</summary>
    public string? IngressClass { get; init; }

    /// <summary>Domain, authentication, public address and trusted proxies, as for the local gateway.</summary>
    public GatewaySettings Gateway { get; init; } = new();

    /// <summary>
    /// The address links start from: <c>PreviewPublicUrl</c> when given (its scheme, and its port when not the
    /// default), else <c>http://&lt;domain&gt;/</c>, the ingress controller's default port.
    /// </summary>
    public Uri PublicBase => Gateway.PublicUrl ?? new Uri($"http://{Gateway.Domain}/");
}

/// <summary>A registry and the repository prefix images go under: <c>registry.example.com:5000/previews</c>.</summary>
/// <param name="Host">The registry's host and port, e.g. <c>registry.example.com:5000</c>.</param>
/// <param name="Prefix">The repository path before each image's own name, e.g. <c>previews</c>; empty for none.</param>
public sealed record RegistryAddress(string Host, string Prefix)
{
    /// <summary>The repository of an image named <paramref name="name"/> (such as <c>shop/shop-api</c>) under the prefix.</summary>
    public string Repository(string name) => Prefix.Length == 0 ? name : $"{Prefix}/{name}";

    /// <summary>The full reference of <paramref name="name"/> with <paramref name="tag"/>: <c>host/prefix/name:tag</c>.</summary>
    public string Reference(string name, string tag) => $"{Host}/{Repository(name)}:{tag}";

    /// <inheritdoc />
    public override string ToString() => Prefix.Length == 0 ? Host : $"{Host}/{Prefix}";
}
