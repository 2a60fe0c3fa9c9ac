using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// The names images get: a service's is <c>&lt;registry&gt;/&lt;app&gt;/&lt;service&gt;:&lt;environment&gt;</c>
/// (each environment its own tag, so two branches never overwrite each other's images), PreviewSdk's own programs'
/// <c>&lt;registry&gt;/previewsdk/&lt;program&gt;:&lt;SDK version&gt;</c>. Without a registry (a render for review)
/// the same names without the registry, as a cluster that loads images itself (kind, minikube) knows them.
/// </summary>
public static class ImageNames
{
    /// <summary>The repository (without registry) of a service's image.</summary>
    public static string ServiceRepository(string app, string service) => $"{app}/{service}";

    /// <summary>The repository (without registry) of one of PreviewSdk's programs: <c>gateway</c>, <c>seeder</c>, <c>sweeper</c>.</summary>
    public static string ProductRepository(string program) => $"previewsdk/{program}";

    /// <summary>The reference of a service's image; with <paramref name="digest"/> (after a push) pinned to exactly that image.</summary>
    public static string Service(RegistryAddress? registry, string app, string service, string environment, string? digest = null) =>
        Reference(registry, ServiceRepository(app, service), environment, digest);

    /// <summary>The references of PreviewSdk's programs at <paramref name="version"/>, digests by program name when pushed.</summary>
    public static ProductImages Product(RegistryAddress? registry, string version, IReadOnlyDictionary<string, string>? digests = null) => new(
        Reference(registry, ProductRepository("gateway"), version, digests?.GetValueOrDefault("gateway")),
        Reference(registry, ProductRepository("seeder"), version, digests?.GetValueOrDefault("seeder")),
        Reference(registry, ProductRepository("sweeper"), version, digests?.GetValueOrDefault("sweeper")));

    private static string Reference(RegistryAddress? registry, string repository, string tag, string? digest)
    {
        var name = registry is null ? $"{repository}:{tag}" : registry.Reference(repository, tag);
        return string.IsNullOrEmpty(digest) ? name : $"{name}@{digest}";
    }
}
