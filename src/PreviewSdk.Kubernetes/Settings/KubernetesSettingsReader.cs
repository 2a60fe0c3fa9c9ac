using System.Text.RegularExpressions;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Kubernetes.Settings;

/// <summary>The Kubernetes target's properties as written (MSBuild properties); empty means "the default".</summary>
public sealed record KubernetesSettingsText
{
    /// <summary><c>PreviewKubeconfig</c>.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary><c>PreviewKubeContext</c>.</summary>
    public string? Context { get; init; }

    /// <summary><c>PreviewRegistry</c>.</summary>
    public string? Registry { get; init; }

    /// <summary><c>PreviewIngressClass</c>.</summary>
    public string? IngressClass { get; init; }
}

/// <summary>
/// Validates the target and the Kubernetes properties (PREVIEW1140–1146) before anything is built, pushed or
/// applied: every wrong value is reported at once, pointing at the preview project (properties have no line).
/// The gateway's own properties (<c>PreviewDomain</c> …) go through <see cref="GatewaySettingsReader"/>, as for the
/// local target.
/// </summary>
public static partial class KubernetesSettingsReader
{
    /// <summary>The value of <c>PreviewTarget</c> for this machine.</summary>
    public const string LocalTarget = "local";

    /// <summary>The value of <c>PreviewTarget</c> for a cluster.</summary>
    public const string KubernetesTarget = "kubernetes";

    /// <summary>Reads <c>PreviewTarget</c>: <c>local</c> (also when empty) or <c>kubernetes</c>, in any case; null after PREVIEW1140.</summary>
    public static PreviewTarget? ReadTarget(string? text, SourceLocation location, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or LocalTarget:
                return PreviewTarget.Local;
            case KubernetesTarget:
                return PreviewTarget.Kubernetes;
            default:
                diagnostics.Error(DiagnosticCodes.InvalidPreviewTarget, location, text);
                return null;
        }
    }

    /// <summary>
    /// Reads the Kubernetes properties and the gateway's; null after reporting every problem. A cluster cannot
    /// route <c>*.localhost</c>, so <c>PreviewDomain</c> (or <c>PreviewPublicUrl</c>) is required (PREVIEW1145);
    /// <paramref name="registryRequired"/> asks for <c>PreviewRegistry</c> (PREVIEW1146): a cluster pulls images,
    /// so <c>-t:Preview</c> needs one, while <c>-t:PreviewRender</c> can do without.
    /// </summary>
    public static KubernetesSettings? Read(
        KubernetesSettingsText text, GatewaySettingsText gateway, bool registryRequired, SourceLocation location, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var before = diagnostics.Count(diagnostic => diagnostic.IsError);
        var gatewaySettings = GatewaySettingsReader.Read(gateway, location, diagnostics);
        if (gatewaySettings is not null && gatewaySettings.Domain == GatewaySettings.DefaultDomain)
        {
            diagnostics.Error(DiagnosticCodes.KubernetesDomainRequired, location);
        }

        string? kubeconfig = null;
        if (Trimmed(text.Kubeconfig) is { } path)
        {
            kubeconfig = Path.GetFullPath(path);
            if (!File.Exists(kubeconfig))
            {
                diagnostics.Error(DiagnosticCodes.KubeconfigNotFound, location, path);
            }
        }

        var context = Trimmed(text.Context);
        if (context is not null && (context.Length > 253 || context.Any(char.IsControl)))
        {
            diagnostics.Error(DiagnosticCodes.InvalidKubeContext, location, context);
        }

        RegistryAddress? registry = null;
        if (Trimmed(text.Registry) is { } registryText)
        {
            registry = ParseRegistry(registryText);
            if (registry is null)
            {
                diagnostics.Error(DiagnosticCodes.InvalidRegistry, location, registryText);
            }
        }
        else if (registryRequired)
        {
            diagnostics.Error(DiagnosticCodes.KubernetesRegistryRequired, location);
        }

        var ingressClass = Trimmed(text.IngressClass);
        if (ingressClass is not null && !IsSubdomain(ingressClass))
        {
            diagnostics.Error(DiagnosticCodes.InvalidIngressClass, location, ingressClass);
        }

        if (diagnostics.Count(diagnostic => diagnostic.IsError) > before)
        {
            return null;
        }

        return new KubernetesSettings
        {
            Kubeconfig = kubeconfig,
            Context = context,
            Registry = registry,
            IngressClass = ingressClass,
            Gateway = gatewaySettings!,
        };
    }

    /// <summary>
    /// A registry address: a host name or IPv4 address with an optional port, then optional repository path
    /// components (lowercase letters, digits, <c>.</c>, <c>_</c>, <c>-</c>), as OCI distribution names them; no
    /// scheme, tag or digest. Null when <paramref name="text"/> is not one.
    /// </summary>
    public static RegistryAddress? ParseRegistry(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = RegistryPattern().Match(text.Trim().TrimEnd('/'));
        if (!match.Success)
        {
            return null;
        }

        var host = match.Groups["host"].Value;
        var name = host.Split(':')[0];
        if (!GatewaySettingsReader.IsHostName(name) && !System.Net.IPAddress.TryParse(name, out _))
        {
            return null;
        }

        if (host.Contains(':', StringComparison.Ordinal) && !(int.TryParse(host.Split(':')[1], out var port) && port is >= 1 and <= 65535))
        {
            return null;
        }

        return new RegistryAddress(host.ToLowerInvariant(), match.Groups["path"].Value.TrimStart('/'));
    }

    /// <summary>True for a DNS subdomain as Kubernetes names objects: lowercase labels of letters, digits and inner hyphens, at most 253 characters.</summary>
    public static bool IsSubdomain(string name) =>
        name.Length <= 253 && SubdomainPattern().IsMatch(name);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^(?<host>[A-Za-z0-9.-]+(:[0-9]+)?)(?<path>(/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SubdomainPattern();
}
