using k8s.Models;
using PreviewSdk.Kubernetes.Naming;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// Metadata of the objects of one environment: every object carries the managed-by, app and environment labels
/// (so a label selector finds all of them), workloads also their component name. Label maps are sorted, so the
/// rendered YAML does not depend on the order they were filled in.
/// </summary>
internal sealed class ObjectMetadata(string app, string environment, string @namespace)
{
    public string Namespace { get; } = @namespace;

    public string App { get; } = app;

    public string Environment { get; } = environment;

    /// <summary>The labels every object of the environment carries.</summary>
    public SortedDictionary<string, string> CommonLabels() => new(StringComparer.Ordinal)
    {
        [ClusterLabels.ManagedBy] = ClusterLabels.ManagerValue,
        [ClusterLabels.App] = App,
        [ClusterLabels.Environment] = Environment,
    };

    /// <summary>The labels of a workload named <paramref name="component"/> (and of its pods).</summary>
    public SortedDictionary<string, string> ComponentLabels(string component)
    {
        var labels = CommonLabels();
        labels[ClusterLabels.Component] = component;
        return labels;
    }

    /// <summary>What selects the pods of <paramref name="component"/>: its name alone (selectors of workloads are immutable, so they hold nothing that could change).</summary>
    public static SortedDictionary<string, string> Selector(string component) =>
        new(StringComparer.Ordinal) { [ClusterLabels.Component] = component };

    /// <summary>A plain variable.</summary>
    public static V1EnvVar Variable(string name, string value) => new() { Name = name, Value = value };

    /// <summary>Metadata of an object of the environment's namespace.</summary>
    public V1ObjectMeta For(string name, string? component = null) => new()
    {
        Name = name,
        NamespaceProperty = Namespace,
        Labels = component is null ? CommonLabels() : ComponentLabels(component),
    };
}
