using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Tests.Planning;

/// <summary>
/// Renders a plan as text so tests compare plans by value (the records hold lists, which compare by reference)
/// and a failure shows a readable difference.
/// </summary>
internal static class PlanText
{
    public static string Render(EnvironmentPlan plan)
    {
        var lines = new List<string> { $"app {plan.AppName}" };
        foreach (var dependency in plan.Dependencies)
        {
            lines.Add($"dependency {dependency.Name} {dependency.Kind} databases=[{string.Join(", ", dependency.Databases)}]");
        }

        foreach (var service in plan.Services)
        {
            lines.Add(
                $"service {service.Name} project={service.ProjectPath} web={service.IsWeb} health={service.HealthPath ?? "none"} " +
                $"replicas={service.Replicas}");
            lines.Add($"  env [{string.Join(", ", service.Environment.Select(e => $"{e.Key}={e.Value}"))}]");
            lines.Add($"  uses [{string.Join(", ", service.Uses.Select(u => $"{u.Name}:{u.Kind}"))}]");
        }

        return string.Join('\n', lines);
    }
}
