using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Templates;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A local PostgreSQL server's part in seeded-data templates: the template's key, and either the template its data
/// folder was cloned from or the lock this environment holds while it builds the template (first of its key).
/// </summary>
internal sealed class LocalPostgresTemplate(TemplateStore store, string key, IReadOnlyList<string> inputs, TimeSpan retention)
{
    public TemplateStore Store { get; } = store;

    public string Key { get; } = key;

    /// <summary>What went into the key, recorded in the template for whoever wonders why a new one was built.</summary>
    public IReadOnlyList<string> Inputs { get; } = inputs;

    public TimeSpan Retention { get; } = retention;

    /// <summary>The template the server's data folder is a copy of; null when it was made by initdb.</summary>
    public TemplateRecord? ClonedFrom { get; set; }

    /// <summary>The seed report section of the template, read while its lock was held; null when it has none.</summary>
    public string? ClonedReport { get; set; }

    /// <summary>The key's lock, held from before initdb until the template is stored (or given up) when this environment builds it.</summary>
    public RegistryLock? BuildLock { get; set; }

    /// <summary>Gives the build up (or ends it): other environments of the key stop waiting.</summary>
    public void ReleaseBuildLock()
    {
        var held = BuildLock;
        BuildLock = null;
        held?.Dispose();
    }
}
