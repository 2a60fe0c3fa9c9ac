using k8s.Models;
using PreviewSdk.Core.Budgets;
using ResourceQuantity = k8s.Models.ResourceQuantity;
using PreviewSdk.Kubernetes.Naming;
using PreviewSdk.Kubernetes.Rendering;
using PreviewSdk.Kubernetes.Tests.Infrastructure;

namespace PreviewSdk.Kubernetes.Tests.Rendering;

/// <summary>The namespace's quota and limit range follow the profile (each workload's limits times its pods) and never exceed the team's budget.</summary>
[TestClass]
public sealed class QuotaTests
{
    [TestMethod]
    [DataRow("lightweight")]
    [DataRow("heavyweight")]
    [DataRow("staging-like")]
    public void TheQuota_IsTheSumOfEveryContainersLimitsTimesItsPods(string profile)
    {
        var environment = ShopSample.Render(profile);
        var containers = Workloads(environment).SelectMany(workload => workload.Template.Spec.Containers.Select(container => (container, workload.Pods))).ToList();
        var cpu = containers.Sum(item => Millicores(item.container.Resources.Limits["cpu"]) * item.Pods);
        var memory = containers.Sum(item => (long)item.container.Resources.Limits["memory"].ToDecimal() * item.Pods);
        var hard = environment.OfKind<V1ResourceQuota>().Single().Spec.Hard;
        Assert.AreEqual(cpu, Millicores(hard["limits.cpu"]));
        Assert.AreEqual(memory, (long)hard["limits.memory"].ToDecimal());
        Assert.AreEqual(containers.Sum(item => item.Pods), (int)hard["pods"].ToDecimal());
        var claims = environment.OfKind<V1StatefulSet>().SelectMany(set => set.Spec.VolumeClaimTemplates).ToList();
        Assert.AreEqual(claims.Count, (int)hard["persistentvolumeclaims"].ToDecimal());
        Assert.AreEqual(claims.Sum(claim => (long)claim.Spec.Resources.Requests["storage"].ToDecimal()), (long)hard["requests.storage"].ToDecimal());

        // Every container fits the limit range's maximum, so none is refused by it.
        var max = environment.OfKind<V1LimitRange>().Single().Spec.Limits.Single(item => item.Type == "Container").Max;
        foreach (var (container, _) in containers)
        {
            Assert.IsLessThanOrEqualTo(Millicores(max["cpu"]), Millicores(container.Resources.Limits["cpu"]), container.Name);
            Assert.IsLessThanOrEqualTo(max["memory"].ToDecimal(), container.Resources.Limits["memory"].ToDecimal(), container.Name);
        }
    }

    [TestMethod]
    public void TheProfilesLimitsAndReplicas_ReachTheDeployments()
    {
        var api = ShopSample.Render("heavyweight").OfKind<V1Deployment>().Single(deployment => deployment.Metadata.Name == "shop-api");
        Assert.AreEqual(2, api.Spec.Replicas);
        Assert.AreEqual("1", api.Spec.Template.Spec.Containers[0].Resources.Limits["cpu"].ToString());
        Assert.AreEqual("512Mi", api.Spec.Template.Spec.Containers[0].Resources.Limits["memory"].ToString());

        var light = ShopSample.Render("lightweight");
        Assert.AreEqual(1, light.OfKind<V1Deployment>().Single(deployment => deployment.Metadata.Name == "shop-api").Spec.Replicas);
        Assert.IsFalse(light.OfKind<V1StatefulSet>().Any(set => set.Metadata.Name == "cache"), "lightweight leaves the cache out");
        var worker = light.OfKind<V1Deployment>().Single(deployment => deployment.Metadata.Name == "shop-worker").Spec.Template.Spec.Containers[0];
        Assert.AreEqual("00:00:10", worker.Env.Single(variable => variable.Name == "Orders__PollInterval").Value);
    }

    [TestMethod]
    public void TheNamespace_CarriesTheFootprintTheBudgetCounts()
    {
        var request = ShopSample.Request("heavyweight");
        var footprint = EnvironmentFootprint.Of(request.Plan, request.Profile);
        var annotations = EnvironmentRenderer.Render(request).OfKind<V1Namespace>().Single().Metadata.Annotations;
        Assert.AreEqual(ClusterLabels.FormatCpus(footprint.Cpus), annotations[ClusterLabels.Cpus]);
        Assert.AreEqual(footprint.MemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations[ClusterLabels.MemoryBytes]);
        Assert.AreEqual("4h", annotations[ClusterLabels.TimeToLive]);
    }

    [TestMethod]
    public void TheQuota_NeverExceedsTheTeamsBudget()
    {
        var folder = Directory.CreateTempSubdirectory("previewsdk-budget-").FullName;
        try
        {
            var budgetFile = Path.Combine(folder, "budgets.yaml");
            File.WriteAllText(budgetFile, "teams:\n  shop: { environments: 2, cpu: 2, memory: 2Gi }\n");
            var request = ShopSample.Request("heavyweight", budgetFile: budgetFile);
            Assert.AreEqual(2, request.Budget!.Environments);
            var hard = EnvironmentRenderer.Render(request).OfKind<V1ResourceQuota>().Single().Spec.Hard;
            Assert.AreEqual("2", hard["limits.cpu"].ToString());
            Assert.AreEqual("2Gi", hard["limits.memory"].ToString());
            Assert.IsLessThanOrEqualTo(2000L, Millicores(hard["requests.cpu"]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long Millicores(ResourceQuantity quantity) => (long)(quantity.ToDecimal() * 1000);

    private static IEnumerable<(V1PodTemplateSpec Template, int Pods)> Workloads(RenderedEnvironment environment) =>
        environment.OfKind<V1Deployment>().Select(item => (item.Spec.Template, item.Spec.Replicas ?? 1))
            .Concat(environment.OfKind<V1StatefulSet>().Select(item => (item.Spec.Template, item.Spec.Replicas ?? 1)))
            .Concat(environment.OfKind<V1Job>().Select(item => (item.Spec.Template, 1)));
}
