using k8s;
using k8s.Models;
using PreviewSdk.Kubernetes.Naming;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// What the target installs once per cluster: namespace <c>previewsdk-system</c> with the <c>previewsdk-sweeper</c>
/// CronJob (every 15 minutes PreviewSdk's sweeper deletes expired environments: the same code as <c>-t:PreviewList</c>),
/// its service account and the cluster role that lets it list and delete namespaces, nothing else.
/// </summary>
public static class SweeperObjects
{
    /// <summary>The namespace of PreviewSdk's cluster-wide parts.</summary>
    public const string Namespace = "previewsdk-system";

    /// <summary>The CronJob, service account, cluster role and binding.</summary>
    public const string Name = "previewsdk-sweeper";

    /// <summary>The label holding the SDK version that installed it; another version installs it again.</summary>
    public const string VersionLabel = ClusterLabels.Prefix + "version";

    /// <summary>The objects, in apply order.</summary>
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Render(string image, string version)
    {
        // Not managed-by=previewsdk: that label marks environments, which this namespace is not.
        SortedDictionary<string, string> Labels() => new(StringComparer.Ordinal) { ["app.kubernetes.io/part-of"] = ClusterLabels.ManagerValue, [VersionLabel] = version };
        V1ObjectMeta Meta(string? ns = Namespace) => new() { Name = Name, NamespaceProperty = ns, Labels = Labels() };
        return
        [
            new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = Namespace, Labels = Labels() } },
            new V1ServiceAccount { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = Meta() },
            new V1ClusterRole
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "ClusterRole",
                Metadata = Meta(null),
                Rules = [new V1PolicyRule { ApiGroups = [string.Empty], Resources = ["namespaces"], Verbs = ["get", "list", "delete"] }],
            },
            new V1ClusterRoleBinding
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "ClusterRoleBinding",
                Metadata = Meta(null),
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = Name },
                Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = Name, NamespaceProperty = Namespace }],
            },
            new V1CronJob
            {
                ApiVersion = "batch/v1",
                Kind = "CronJob",
                Metadata = Meta(),
                Spec = new V1CronJobSpec
                {
                    Schedule = "*/15 * * * *",
                    ConcurrencyPolicy = "Forbid",
                    SuccessfulJobsHistoryLimit = 1,
                    FailedJobsHistoryLimit = 3,
                    JobTemplate = new V1JobTemplateSpec
                    {
                        Spec = new V1JobSpec
                        {
                            BackoffLimit = 1,
                            ActiveDeadlineSeconds = 600,
                            Template = new V1PodTemplateSpec
                            {
                                Metadata = new V1ObjectMeta { Labels = Labels() },
                                Spec = new V1PodSpec
                                {
                                    ServiceAccountName = Name,
                                    RestartPolicy = "Never",
                                    Containers =
                                    [
                                        new V1Container
                                        {
                                            Name = "sweeper",
                                            Image = image,
                                            Resources = new ContainerSize(0.1, 128L << 20).ToRequirements(),
                                            SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false },
                                        },
                                    ],
                                },
                            },
                        },
                    },
                },
            },
        ];
    }
}
