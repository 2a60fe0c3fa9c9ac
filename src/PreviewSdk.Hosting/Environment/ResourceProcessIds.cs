using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>The process ids Aspire's orchestrator reports for a resource in its snapshot's properties.</summary>
internal static class ResourceProcessIds
{
    public static IReadOnlyList<int> Of(CustomResourceSnapshot snapshot) =>
        snapshot.Properties
            .Where(property => property.Name is "executable.pid" or "project.pid" or "container.pid")
            .Select(property => property.Value is int pid ? pid : int.TryParse(property.Value?.ToString(), out var parsed) ? parsed : 0)
            .Where(pid => pid > 0)
            .Distinct()
            .ToList();
}
