using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Rendering;
using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// Which images the build publishes to <c>PreviewRegistry</c> and under which names: each service's project as
/// <c>&lt;prefix&gt;/&lt;app&gt;/&lt;service&gt;:&lt;environment&gt;</c>, and (from source) PreviewSdk's gateway,
/// seeder and sweeper as <c>&lt;prefix&gt;/previewsdk/&lt;program&gt;:&lt;version&gt;</c>. Each item is a project with
/// metadata <c>ImageName</c>, <c>ContainerRegistry</c>, <c>ContainerRepository</c> and <c>ContainerImageTag</c>, the
/// .NET SDK's own properties.
/// </summary>
public sealed class ResolvePreviewImages : KubernetesTask
{
    /// <summary>The plan written by GeneratePreviewAppHost.</summary>
    [Required]
    public string PlanFile { get; set; } = string.Empty;

    /// <summary>PreviewSdk's program projects (from source): item spec the project, metadata <c>ImageName</c> (gateway, seeder, sweeper).</summary>
    public ITaskItem[] ProductProjects { get; set; } = [];

    /// <summary>The projects to publish.</summary>
    [Output]
    public ITaskItem[] Images { get; private set; } = [];

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var registry = KubernetesSettingsReader.ParseRegistry(Registry);
        if (registry is null)
        {
            Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidRegistry, Project, Registry));
            return false;
        }

        var plan = PreviewSdk.Core.Planning.EnvironmentPlan.Read(PlanFile);
        var images = plan.Services.Select(service => Item(service.ProjectPath, service.Name, registry, ImageNames.ServiceRepository(plan.AppName, service.Name), EnvironmentName)).ToList();
        images.AddRange(ProductProjects.Select(project => Item(Path.GetFullPath(project.ItemSpec), project.GetMetadata("ImageName"), registry, ImageNames.ProductRepository(project.GetMetadata("ImageName")), SdkVersion)));
        Images = [.. images];
        return true;
    }

    private static TaskItem Item(string project, string name, RegistryAddress registry, string repository, string tag)
    {
        var item = new TaskItem(project);
        item.SetMetadata("ImageName", name);
        item.SetMetadata("ContainerRegistry", registry.Host);
        item.SetMetadata("ContainerRepository", registry.Repository(repository));
        item.SetMetadata("ContainerImageTag", tag);
        return item;
    }
}
