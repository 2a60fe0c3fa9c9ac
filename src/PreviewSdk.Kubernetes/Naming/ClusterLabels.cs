using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PreviewSdk.Kubernetes.Naming;

/// <summary>
/// The labels and annotations by which a namespace is known as one of PreviewSdk's environments, and the names
/// derived for it. The labels are the registry on a cluster, as the state folders are on a machine: listing,
/// budgets, the sweep and <c>-t:PreviewDown</c> read nothing else.
/// </summary>
public static class ClusterLabels
{
    /// <summary>The prefix of every label and annotation of PreviewSdk's own.</summary>
    public const string Prefix = "previewsdk.io/";

    /// <summary>Kubernetes' recommended label naming the tool that manages an object; its value is <see cref="ManagerValue"/>.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    /// <summary>The value of <see cref="ManagedBy"/> on every object PreviewSdk renders.</summary>
    public const string ManagerValue = "previewsdk";

    /// <summary>The environment's name (the branch, <c>PreviewName</c>).</summary>
    public const string Environment = Prefix + "environment";

    /// <summary>The app (preview.yaml's <c>app:</c>).</summary>
    public const string App = Prefix + "app";

    /// <summary>The team whose budget the environment counts against.</summary>
    public const string Team = Prefix + "team";

    /// <summary>Who started it, as a label value (see <see cref="LabelValue"/>).</summary>
    public const string Owner = Prefix + "owner";

    /// <summary>The profile it runs with.</summary>
    public const string Profile = Prefix + "profile";

    /// <summary>Kubernetes' recommended label for a workload's name (a service, a dependency, the gateway).</summary>
    public const string Component = "app.kubernetes.io/name";

    /// <summary>Annotation: the time to live as preview.yaml writes durations (<c>8h</c>); counted from the namespace's creation unless <see cref="ExpiresAt"/> says otherwise.</summary>
    public const string TimeToLive = Prefix + "ttl";

    /// <summary>Annotation: when the environment expires (UTC, ISO 8601), set by <c>-t:Preview</c> when it applies.</summary>
    public const string ExpiresAt = Prefix + "expires-at";

    /// <summary>Annotation: <c>true</c> when it never expires (<c>-p:PreviewKeep=true</c>).</summary>
    public const string Keep = Prefix + "keep";

    /// <summary>Annotation: the owner as given (a label value cannot hold every name).</summary>
    public const string OwnerName = Prefix + "owner-name";

    /// <summary>Annotation: the CPUs the environment counts against its team's budget.</summary>
    public const string Cpus = Prefix + "cpus";

    /// <summary>Annotation: the bytes of memory the environment counts against its team's budget.</summary>
    public const string MemoryBytes = Prefix + "memory-bytes";

    /// <summary>Annotation: the git branch.</summary>
    public const string Branch = Prefix + "branch";

    /// <summary>Annotation: the environment's links directory page.</summary>
    public const string Directory = Prefix + "directory";

    /// <summary>The selector of every namespace PreviewSdk manages.</summary>
    public static string ManagedSelector => $"{ManagedBy}={ManagerValue}";

    /// <summary>The selector of the namespaces of <paramref name="app"/>'s environment <paramref name="environment"/>.</summary>
    public static string EnvironmentSelector(string app, string environment) =>
        $"{ManagedSelector},{App}={app},{Environment}={environment}";

    /// <summary>The selector of the namespaces of <paramref name="team"/>.</summary>
    public static string TeamSelector(string team) => $"{ManagedSelector},{Team}={team}";

    /// <summary>
    /// The namespace of an environment: <c>preview-&lt;app&gt;-&lt;environment&gt;</c>, a DNS label of at most 63
    /// characters; a longer one is cut and ends in 8 hexadecimal digits of a hash of the whole, so it stays unique.
    /// </summary>
    public static string NamespaceOf(string app, string environment)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(environment);
        var name = $"preview-{app}-{environment}";
        if (name.Length <= 63)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..54].TrimEnd('-') + "-" + hash;
    }

    /// <summary>
    /// <paramref name="text"/> as a label value: at most 63 of letters, digits, <c>-</c>, <c>_</c> and <c>.</c>,
    /// starting and ending with a letter or digit (<c>Ada Lovelace</c> → <c>Ada_Lovelace</c>); <c>unknown</c> when
    /// nothing is left.
    /// </summary>
    public static string LabelValue(string? text)
    {
        var value = new StringBuilder();
        foreach (var character in text ?? string.Empty)
        {
            value.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '.' or '_' ? character : '_');
        }

        var trimmed = value.ToString().Trim('-', '.', '_');
        trimmed = trimmed.Length > 63 ? trimmed[..63].TrimEnd('-', '.', '_') : trimmed;
        return trimmed.Length == 0 ? "unknown" : trimmed;
    }

    /// <summary>An amount of CPUs as an annotation holds it: invariant, up to three decimals.</summary>
    public static string FormatCpus(double cpus) => cpus.ToString("0.###", CultureInfo.InvariantCulture);
}
