using PreviewSdk.Core.Manifest;
using PreviewSdk.Seeding.Runs;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Fills a database with generated data once its schema is in place, then finishes. It shows in the dashboard
/// under its database, with a log of rows per table; the environment is ready only once it finished.
/// </summary>
public sealed class PreviewSeedResource : Resource, IResourceWithParent<IResourceWithConnectionString>, IResourceWithWaitSupport
{
    internal PreviewSeedResource(string name, IResourceWithConnectionString database, string databaseName, string serverName, SeedEntry entry, string manifestPath)
        : base(name)
    {
        Parent = database;
        DatabaseName = databaseName;
        ServerName = serverName;
        Entry = entry;
        ManifestPath = manifestPath;
    }

    /// <summary>The database it fills: a local one (<see cref="LocalPostgresDatabaseResource"/>) or one in a container (<see cref="PostgresDatabaseResource"/>).</summary>
    public IResourceWithConnectionString Parent { get; }

    /// <summary>The database's name on its server.</summary>
    public string DatabaseName { get; }

    /// <summary>The server's resource name (whose profile <c>scale:</c> applies).</summary>
    public string ServerName { get; }

    /// <summary>The database's <c>seed:</c> entry in preview.yaml.</summary>
    public SeedEntry Entry { get; }

    /// <summary>The preview.yaml it was read from.</summary>
    public string ManifestPath { get; }

    /// <summary>What the last seeding wrote, once it finished.</summary>
    public SeedSummary? Summary { get; internal set; }

    /// <summary>The warnings of the seeding (no tables, the app's rows kept, …), which <c>-t:Preview</c> reports after the links.</summary>
    public IReadOnlyList<PreviewSdk.Core.Diagnostics.PreviewDiagnostic> Warnings { get; internal set; } = [];
}
