using PreviewSdk.Core.Manifest;

namespace Aspire.Hosting;

/// <summary>Reads preview.yaml where the app host needs it at start (profile, seed, checks, alerts).</summary>
internal static class PreviewManifestFile
{
    /// <summary>
    /// The manifest at <paramref name="path"/>: empty when there is no such file (an app host without preview.yaml
    /// has the defaults).
    /// </summary>
    /// <exception cref="DistributedApplicationException">preview.yaml has an error, worded as the build words it.</exception>
    public static PreviewManifest Read(string path)
    {
        // Only a missing file is an empty preview.yaml; a folder or a pipe in its place is an error of its own.
        if (!Path.Exists(path))
        {
            return PreviewManifest.Empty(path);
        }

        var result = ManifestReader.ReadFile(path);
        if (result.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
        {
            // The build checked preview.yaml already; this is an app host started on a file edited since.
            throw new DistributedApplicationException(error.ToString());
        }

        return result.Manifest!;
    }

    /// <summary><paramref name="manifestPath"/> relative to the app host's folder, as an absolute path.</summary>
    public static string Resolve(IDistributedApplicationBuilder builder, string manifestPath) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, manifestPath));
}
