using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Planning;

/// <summary>
/// Finds services that use themselves or each other in a cycle. <c>uses</c> makes a service wait for what it
/// names, so a cycle means the environment would wait forever; better to fail the build and name the cycle.
/// </summary>
internal static class ServiceCycleFinder
{
    /// <summary>Reports each cycle once, at the <c>uses</c> entry that closes it.</summary>
    /// <param name="serviceUses">For each service in order, the services (only) it uses, with their locations.</param>
    /// <param name="diagnostics">Where cycles are reported.</param>
    public static void Report(
        IReadOnlyList<(string Service, IReadOnlyList<Located<string>> UsedServices)> serviceUses, DiagnosticBag diagnostics)
    {
        var edges = new Dictionary<string, IReadOnlyList<Located<string>>>(StringComparer.Ordinal);
        foreach (var (service, used) in serviceUses)
        {
            edges.TryAdd(service, used);
        }

        var state = new Dictionary<string, VisitState>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var (service, _) in serviceUses)
        {
            Visit(service, edges, state, path, diagnostics);
        }
    }

    // Recursion depth is bounded by the number of services, which is small.
    private static void Visit(
        string service,
        Dictionary<string, IReadOnlyList<Located<string>>> edges,
        Dictionary<string, VisitState> state,
        List<string> path,
        DiagnosticBag diagnostics)
    {
        if (state.ContainsKey(service))
        {
            return;
        }

        state[service] = VisitState.OnPath;
        path.Add(service);
        foreach (var used in edges.GetValueOrDefault(service, []))
        {
            var target = used.Value;
            if (!edges.ContainsKey(target))
            {
                continue;
            }

            if (state.TryGetValue(target, out var targetState) && targetState == VisitState.OnPath)
            {
                var cycle = path.Skip(path.IndexOf(target)).Append(target);
                diagnostics.Error(DiagnosticCodes.UsesCycle, used.Location, string.Join(" -> ", cycle));
            }
            else
            {
                Visit(target, edges, state, path, diagnostics);
            }
        }

        path.RemoveAt(path.Count - 1);
        state[service] = VisitState.Done;
    }

    private enum VisitState
    {
        OnPath,
        Done,
    }
}
