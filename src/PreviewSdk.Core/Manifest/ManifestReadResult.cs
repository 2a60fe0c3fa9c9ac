using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>The outcome of <see cref="ManifestReader.Read"/>.</summary>
/// <param name="Manifest">
/// What could be read; null only when preview.yaml is not valid YAML, because then nothing in it can be trusted.
/// </param>
/// <param name="Diagnostics">Every problem found, ordered by position.</param>
public sealed record ManifestReadResult(PreviewManifest? Manifest, IReadOnlyList<PreviewDiagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
