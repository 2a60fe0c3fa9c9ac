using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Generation;

/// <summary>Orders services so that each comes after the services it uses (a variable must exist before use).</summary>
internal static class ServiceOrder
{
    /// <summary>
    /// A depth-first order over the plan's order: stable, so unrelated services keep their ProjectReference order.
    /// The plan has no cycles (validation rejects them with PREVIEW1011).
    /// </summary>
    public static IReadOnlyList<ServicePlan> DependenciesFirst(IReadOnlyList<ServicePlan> services)
    {
        var byName = services.ToDictionary(service => service.Name, StringComparer.Ordinal);
        var ordered = new List<ServicePlan>(services.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);

        void Place(ServicePlan service)
        {
            if (!placed.Add(service.Name))
            {
                return;
            }

            foreach (var used in service.Uses.Where(reference => reference.Kind == ReferenceKind.Service))
            {
                Place(byName[used.Name]);
            }

            ordered.Add(service);
        }

        foreach (var service in services)
        {
            Place(service);
        }

        return ordered;
    }
}
