using k8s.Models;
using PreviewSdk.Core.Arithmetic;
using PreviewSdk.Core.Budgets;
using ResourceQuantity = k8s.Models.ResourceQuantity;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Kubernetes.Naming;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// The environment's namespace, labelled as the cluster's registry entry, and the quota and limit range that cap it:
/// the quota is the sum of what every workload of the profile may take (the hard cap of the namespace, so an
/// environment cannot outgrow what its budget admitted), never more than the team's whole budget.
/// </summary>
internal static class NamespaceObjects
{
    public const string QuotaName = "preview-quota";
    public const string LimitRangeName = "preview-limits";

    public static V1Namespace Namespace(RenderRequest request, ObjectMetadata metadata, EnvironmentFootprint footprint, string directoryUrl)
    {
        var labels = metadata.CommonLabels();
        labels[ClusterLabels.Team] = request.Team;
        labels[ClusterLabels.Owner] = ClusterLabels.LabelValue(request.Owner);
        labels[ClusterLabels.Profile] = request.Profile.Name;
        labels["kubernetes.io/metadata.name"] = metadata.Namespace;
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ClusterLabels.TimeToLive] = DurationText.Format(request.TimeToLive),
            [ClusterLabels.OwnerName] = request.Owner,
            [ClusterLabels.Cpus] = ClusterLabels.FormatCpus(footprint.Cpus),
            [ClusterLabels.MemoryBytes] = footprint.MemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ClusterLabels.Directory] = directoryUrl,
        };
        if (request.Keep)
        {
            annotations[ClusterLabels.Keep] = "true";
        }

        if (request.Branch is { Length: > 0 } branch)
        {
            annotations[ClusterLabels.Branch] = branch;
        }

        return new V1Namespace
        {
            ApiVersion = "v1",
            Kind = "Namespace",
            Metadata = new V1ObjectMeta { Name = metadata.Namespace, Labels = labels, Annotations = annotations },
        };
    }

    public static V1ResourceQuota Quota(ObjectMetadata metadata, IReadOnlyList<Allocation> allocations, TeamBudget? budget)
    {
        var limitMillicores = Sum(allocations, allocation => ContainerSize.Millicores(allocation.Size.Cpus));
        var limitBytes = Sum(allocations, allocation => allocation.Size.MemoryBytes);
        var requestMillicores = Sum(allocations, allocation => allocation.Size.RequestMillicores);
        var requestBytes = Sum(allocations, allocation => allocation.Size.RequestBytes);
        if (budget?.Cpus is { } cpus)
        {
            limitMillicores = Math.Min(limitMillicores, ContainerSize.Millicores(cpus));
            requestMillicores = Math.Min(requestMillicores, limitMillicores);
        }

        if (budget?.MemoryBytes is { } memory)
        {
            limitBytes = Math.Min(limitBytes, memory);
            requestBytes = Math.Min(requestBytes, limitBytes);
        }

        var hard = new SortedDictionary<string, ResourceQuantity>(StringComparer.Ordinal)
        {
            ["limits.cpu"] = ContainerSize.Cpu(limitMillicores),
            ["limits.memory"] = ContainerSize.Memory(limitBytes),
            ["requests.cpu"] = ContainerSize.Cpu(requestMillicores),
            ["requests.memory"] = ContainerSize.Memory(requestBytes),
            ["pods"] = new ResourceQuantity(allocations.Sum(allocation => allocation.Pods).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["persistentvolumeclaims"] = new ResourceQuantity(allocations.Sum(allocation => allocation.Claims).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["requests.storage"] = ContainerSize.Memory(Math.Max(0, Sum(allocations, allocation => allocation.StorageBytes, perPod: false))),
        };
        return new V1ResourceQuota
        {
            ApiVersion = "v1",
            Kind = "ResourceQuota",
            Metadata = metadata.For(QuotaName),
            Spec = new V1ResourceQuotaSpec { Hard = hard },
        };
    }

    // Every container of the environment declares its limits; the defaults catch a container added by hand
    // (kubectl debug, an operator's sidecar), which the quota would otherwise refuse, and the maximum keeps one
    // container from taking the whole quota.
    public static V1LimitRange LimitRange(ObjectMetadata metadata, IReadOnlyList<Allocation> allocations)
    {
        var defaults = new ContainerSize(Core.Budgets.EnvironmentFootprint.DefaultCpus, Core.Budgets.EnvironmentFootprint.DefaultMemoryBytes);
        var largestCpu = allocations.Select(allocation => ContainerSize.Millicores(allocation.Size.Cpus)).DefaultIfEmpty(0).Max();
        var largestMemory = allocations.Select(allocation => allocation.Size.MemoryBytes).DefaultIfEmpty(0).Max();
        var largestClaim = allocations.Where(allocation => allocation.Claims > 0).Select(allocation => allocation.StorageBytes / allocation.Claims).DefaultIfEmpty(0).Max();
        var items = new List<V1LimitRangeItem>
        {
            new()
            {
                Type = "Container",
                DefaultProperty = defaults.ToRequirements().Limits,
                DefaultRequest = defaults.ToRequirements().Requests,
                Max = new SortedDictionary<string, ResourceQuantity>(StringComparer.Ordinal)
                {
                    ["cpu"] = ContainerSize.Cpu(Math.Max(largestCpu, ContainerSize.Millicores(defaults.Cpus))),
                    ["memory"] = ContainerSize.Memory(Math.Max(largestMemory, defaults.MemoryBytes)),
                },
            },
        };
        if (largestClaim > 0)
        {
            items.Add(new V1LimitRangeItem
            {
                Type = "PersistentVolumeClaim",
                Max = new SortedDictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["storage"] = ContainerSize.Memory(largestClaim) },
            });
        }

        return new V1LimitRange
        {
            ApiVersion = "v1",
            Kind = "LimitRange",
            Metadata = metadata.For(LimitRangeName),
            Spec = new V1LimitRangeSpec { Limits = items },
        };
    }

    private static long Sum(IEnumerable<Allocation> allocations, Func<Allocation, long> amount, bool perPod = true) =>
        Saturating.Sum(allocations.Select(allocation => perPod ? Saturating.Multiply(allocation.Pods, amount(allocation)) : amount(allocation)));
}
