using PreviewSdk.Core.Manifest;
using PreviewSdk.Seeding.Runs;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Fills a database with generated data once its schema is in place, then finishes. It shows in the dashboard
/// under its database, with a log of rows per table; the environment is ready only once it finished.
/// </summary>
public sealed class PreviewSeedResource : Resource, IResourceWithParent<LocalPostgresDatabaseResource>, IResourceWithWaitSupport
{
    internal PreviewSeedResource(string name, LocalPostgresDatabaseResource database, SeedEntry entry, string manifestPath)
        : base(name)
    {
        Parent = database;
        Entry = entry;
        ManifestPath = manifestPath;
    }

    /// <summary>The database it fills.</summary>
    public LocalPostgresDatabaseResource Parent { get; }

    /// <summary>The database's <c>seed:</c> entry in preview.yaml.</summary>
    public SeedEntry Entry { get; }

    /// <summary>The preview.yaml it was read from.</summary>
    public string ManifestPath { get; }

    /// <summary>What the last seeding wrote, once it finished.</summary>
    public SeedSummary? Summary { get; internal set; }

    /// <summary>The warnings of the seeding (no tables, the app's rows kept, …), which <c>-t:Preview</c> reports after the links.</summary>
    public IReadOnlyList<PreviewSdk.Core.Diagnostics.PreviewDiagnostic> Warnings { get; internal set; } = [];
}
