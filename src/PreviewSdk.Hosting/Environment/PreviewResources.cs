using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Which resources of the model make up the environment a user waits for.</summary>
internal static class PreviewResources
{
    private const string DashboardResourceName = "aspire-dashboard";

    /// <summary>
    /// True for resources that run or are served (projects, executables, containers, databases); false for
    /// parameters and Aspire's own dashboard, which never report health the same way.
    /// </summary>
    public static bool IsRunnable(IResource resource) =>
        resource is not ParameterResource
        && resource is not ConnectionStringResource
        && resource.Name != DashboardResourceName;
}
