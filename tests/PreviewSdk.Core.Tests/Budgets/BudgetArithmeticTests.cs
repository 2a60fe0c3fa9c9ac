using System.Numerics;
using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Tests.Planning;
using PreviewSdk.Core.Tests.Properties;

namespace PreviewSdk.Core.Tests.Budgets;

/// <summary>
/// Budgets over the whole value range: no footprint, however large or strange its parts, wraps to a small number
/// and slips under a budget (issue 11: 16,384 replicas × 1024Ti wrapped to 0 bytes and a 16Gi budget admitted them).
/// </summary>
[TestClass]
public sealed class BudgetArithmeticTests
{
    private const int Cases = 5_000;
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Footprint_IsNeverBelowTheExactSumOfReplicasTimesLimits() =>
        Values.Check(Cases, values =>
        {
            var services = Enumerable.Range(0, 1 + values.Next(8))
                .Select(i => (Name: $"s{i}", Replicas: (int)values.Long(1, int.MaxValue), Memory: values.Long(ResourceLimitsParser.MinimumMemoryBytes, ResourceLimitsParser.MaximumMemoryBytes), Cpus: values.Double(ResourceLimitsParser.MinimumCpus, ResourceLimitsParser.MaximumCpus)))
                .ToList();
            var plan = new EnvironmentPlan("shop", [], services.Select(s => new ServicePlan(s.Name, $"/r/{s.Name}.csproj", true, "/health", 1, [], [])).ToList());
            var profile = new EffectiveProfile("p", TimeSpan.FromHours(1),
                services.ToDictionary(s => s.Name, s => new ServiceProfile(s.Replicas, new ResourceLimits(s.Cpus, s.Memory), [], [])),
                new Dictionary<string, DependencyProfile>());

            var footprint = EnvironmentFootprint.Of(plan, profile);

            var exact = services.Aggregate(BigInteger.Zero, (sum, s) => sum + ((BigInteger)s.Replicas * s.Memory));
            Assert.AreEqual(exact > long.MaxValue ? long.MaxValue : (long)exact, footprint.MemoryBytes);
            Assert.IsTrue(double.IsFinite(footprint.Cpus) && footprint.Cpus >= services.Sum(s => s.Replicas * s.Cpus) * (1 - 1e-12));
        });

    [TestMethod]
    public void BudgetCheck_RefusesWheneverTheExactTotalIsAboveTheLimit_WhateverTheHoldersRecordsSay() =>
        Values.Check(Cases, values =>
        {
            var limit = values.Long(1L << 20, 1L << 50);
            var cpuLimit = values.Double(0.01, 4096);
            var holders = Enumerable.Range(0, values.Next(5))
                .Select(i => Holder($"h{i}", values.AnyDouble(), values.AnyLong()))
                .ToList();
            var candidate = new EnvironmentFootprint(values.Double(0, 1e6), values.Long(0, long.MaxValue));
            var budget = new TeamBudget("shop", null, cpuLimit, limit, "budgets.yaml");

            var exceeded = BudgetCheck.Exceeded(budget, candidate, holders);

            var memory = holders.Aggregate((BigInteger)candidate.MemoryBytes, (sum, h) => sum + Math.Max(0, h.MemoryBytes ?? 0));
            var cpus = holders.Sum(h => double.IsFinite(h.Cpus ?? 0) && h.Cpus > 0 ? h.Cpus.Value : h.Cpus is double.PositiveInfinity ? double.MaxValue : 0) + candidate.Cpus;
            if (memory > limit || cpus > cpuLimit + 1e-9)
            {
                Assert.IsNotEmpty(exceeded, $"memory {memory} > {limit} or cpu {cpus} > {cpuLimit} was admitted");
            }
        });

    [TestMethod]
    public void TheIssuesCase_16384ReplicasOf1024Ti_IsRefusedBeforeAnyBudget()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api");
        workspace.Manifest("""
            services:
              shop-api:
                replicas: 16384
            profiles:
              heavyweight:
                services:
                  shop-api: { memory: 1024Ti }
            """);

        var result = workspace.Plan();

        var error = Diagnostics.DiagnosticAssert.Single(result.Diagnostics, "PREVIEW1005");
        StringAssert.Contains(error.Message, "from 1 to 100");
        Assert.IsNull(result.Plan);
    }

    [TestMethod]
    public void AFootprintOfTheLargestAllowedValues_StaysAboveEveryBudgetItBreaks()
    {
        // The most a preview.yaml can ask for now: 100 replicas × 1024Ti, for many services.
        var services = Enumerable.Range(0, 200).Select(i => $"s{i}").ToList();
        var plan = new EnvironmentPlan("shop", [], services.Select(s => new ServicePlan(s, $"/r/{s}.csproj", true, "/health", ManifestBounds.MaximumReplicas, [], [])).ToList());
        var profile = new EffectiveProfile("p", TimeSpan.FromHours(1),
            services.ToDictionary(s => s, _ => new ServiceProfile(null, new ResourceLimits(1024, ResourceLimitsParser.MaximumMemoryBytes), [], [])),
            new Dictionary<string, DependencyProfile>());

        var footprint = EnvironmentFootprint.Of(plan, profile);

        Assert.AreEqual(long.MaxValue, footprint.MemoryBytes);
        Assert.IsNotEmpty(BudgetCheck.Exceeded(new TeamBudget("shop", null, null, 16L << 30, "b"), footprint, []));
    }

    private static EnvironmentRecord Holder(string name, double cpus, long memory) => new()
    {
        Name = name,
        App = "shop",
        Profile = "lightweight",
        EnvironmentId = name + "-id",
        HostProcessId = 1,
        StartedAt = Now,
        DashboardUrl = "http://127.0.0.1:1",
        Team = "shop",
        Cpus = cpus,
        MemoryBytes = memory,
    };
}
