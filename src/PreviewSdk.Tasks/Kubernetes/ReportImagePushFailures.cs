using Microsoft.Build.Framework;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Tasks.Kubernetes;

/// <summary>
/// After the images were published to <c>PreviewRegistry</c>: PREVIEW7030 for each image the .NET SDK did not push
/// (its own error was logged as a warning just before), so nothing is applied with an image the cluster cannot pull.
/// </summary>
public sealed class ReportImagePushFailures : PreviewTask
{
    /// <summary>The preview project file.</summary>
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>PreviewRegistry.</summary>
    public string Registry { get; set; } = string.Empty;

    /// <summary>Every image that should have been pushed: the projects of <see cref="ResolvePreviewImages"/>.</summary>
    public ITaskItem[] Expected { get; set; } = [];

    /// <summary>What PublishContainer returned: items with <c>ManifestDigest</c> and <c>MSBuildSourceProjectFile</c>.</summary>
    public ITaskItem[] Published { get; set; } = [];

    /// <summary>The images pushed: item spec the image's short name, metadata <c>Digest</c>.</summary>
    [Output]
    public ITaskItem[] Pushed { get; private set; } = [];

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var registry = KubernetesSettingsReader.ParseRegistry(Registry);
        var digests = Published
            .Where(item => item.GetMetadata("ManifestDigest").Length > 0)
            .GroupBy(item => Path.GetFullPath(item.GetMetadata("MSBuildSourceProjectFile")), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last().GetMetadata("ManifestDigest"), StringComparer.Ordinal);
        var pushed = new List<ITaskItem>();
        foreach (var expected in Expected)
        {
            var name = expected.GetMetadata("ImageName");
            if (digests.TryGetValue(Path.GetFullPath(expected.ItemSpec), out var digest))
            {
                var item = new Microsoft.Build.Utilities.TaskItem(name);
                item.SetMetadata("Digest", digest);
                pushed.Add(item);
            }
            else
            {
                Report(DiagnosticFactory.Create(DiagnosticCodes.RegistryPushFailed, SourceLocation.WholeFile(ProjectPath), name, Registry, registry?.Host ?? Registry));
            }
        }

        Pushed = [.. pushed];
        return !Log.HasLoggedErrors;
    }
}
