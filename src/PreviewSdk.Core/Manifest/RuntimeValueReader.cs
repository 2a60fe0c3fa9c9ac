using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>Reads the container keys of preview.yaml: <c>runtime:</c> (of a dependency or a service) and <c>image:</c>.</summary>
internal static class RuntimeValueReader
{
    /// <summary>A <c>runtime:</c> among <paramref name="allowed"/>; PREVIEW1005 otherwise (PREVIEW1082 for <c>auto</c> on a service).</summary>
    public static Located<string>? Read(ManifestNodeReader reader, ManifestNode value, string keyPath, IReadOnlyList<string> allowed)
    {
        if (reader.ReadText(value, keyPath) is not { } runtime)
        {
            return null;
        }

        if (allowed.Contains(runtime.Value, StringComparer.Ordinal))
        {
            return runtime;
        }

        if (runtime.Value == Profiles.DependencyRuntimes.Auto)
        {
            reader.Diagnostics.Error(DiagnosticCodes.AutoRuntimeOnService, runtime.Location, keyPath);
            return null;
        }

        reader.ReportInvalidValue((ManifestScalar)value, keyPath, DiagnosticFactory.Format(
            "Text.Rule.Runtime", string.Join(" | ", allowed)));
        return null;
    }

    /// <summary>An <c>image:</c> with its tag (PREVIEW1080 otherwise).</summary>
    public static Located<string>? ReadImage(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } image)
        {
            return null;
        }

        if (!ImageReference.TryParse(image.Value, out _))
        {
            reader.Diagnostics.Error(DiagnosticCodes.InvalidImage, image.Location, keyPath, image.Value, ImageReference.Rule);
            return null;
        }

        return image;
    }
}
