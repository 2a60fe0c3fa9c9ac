using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Templates;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Templates;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A PostgreSQL server's part in seeded-data templates (a local server's or a container's): the template's key, and
/// either the template its data was cloned from or the lock this environment holds while it builds the template
/// (first of its key). A
/// build waits for every seeded database of the server: the template is kept only once each one's seeding committed
/// with its rows captured, and given up as soon as one of them fails or gives its capture up.
/// </summary>
internal sealed class PostgresTemplate(TemplateStore store, string key, IReadOnlyList<string> inputs, TimeSpan retention, IReadOnlyCollection<string> databases)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CapturedDatabase> captured = new(StringComparer.Ordinal);
    private bool givenUp;

    public TemplateStore Store { get; } = store;

    public string Key { get; } = key;

    /// <summary>The names of the server's databases, in ordinal order: every one of them is seeded.</summary>
    public IReadOnlyCollection<string> Databases { get; } = databases;

    /// <summary>What went into the key, recorded in the template for whoever wonders why a new one was built.</summary>
    public IReadOnlyList<string> Inputs { get; } = inputs;

    public TimeSpan Retention { get; } = retention;

    /// <summary>Which server's data this is, whatever its content (<see cref="TemplateRecord.Lineage"/>).</summary>
    public string Lineage { get; init; } = string.Empty;

    /// <summary>How many templates of <see cref="Lineage"/> are kept once this one is built (<c>PreviewTemplatesPerServer</c>).</summary>
    public int PerServer { get; init; } = TemplateStore.DefaultPerServer;

    /// <summary>The template the server's data is a copy of; null when it was made by initdb.</summary>
    public TemplateRecord? ClonedFrom { get; set; }

    /// <summary>The seed report section of each database of the template, read while its lock was held.</summary>
    public IReadOnlyDictionary<string, string> ClonedReports { get; set; } = new Dictionary<string, string>();

    /// <summary>The key's lock, held from before initdb until the template is stored (or given up) when this environment builds it.</summary>
    public RegistryLock? BuildLock { get; set; }

    /// <summary>
    /// Hands over a database's capture after its seeding committed. Returns every capture, in the order of the
    /// databases' names, to the caller whose capture was the last one missing (who then builds the template);
    /// <see cref="CaptureOutcome.Waiting"/> while others are missing; <see cref="CaptureOutcome.GivenUp"/> when the
    /// template was given up meanwhile (the capture's files are the caller's to delete).
    /// </summary>
    public (CaptureOutcome Outcome, IReadOnlyList<CapturedDatabase> All) Add(CapturedDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        lock (gate)
        {
            if (givenUp)
            {
                return (CaptureOutcome.GivenUp, []);
            }

            captured[database.Seed.DatabaseName] = database;
            return Databases.All(captured.ContainsKey)
                ? (CaptureOutcome.Complete, captured.Values.OrderBy(value => value.Seed.DatabaseName, StringComparer.Ordinal).ToList())
                : (CaptureOutcome.Waiting, []);
        }
    }

    /// <summary>
    /// Gives the build up (a seeding failed, or its capture was given up): other environments of the key stop
    /// waiting. True only for the first call, whose caller tidies the captured files; false when this environment
    /// does not build the template, or once the build was given up or all databases were handed over.
    /// </summary>
    public bool GiveUp()
    {
        lock (gate)
        {
            if (givenUp || BuildLock is null || Databases.All(captured.ContainsKey))
            {
                return false;
            }

            givenUp = true;
        }

        ReleaseBuildLock();
        return true;
    }

    /// <summary>Ends the build (or gives it up): other environments of the key stop waiting.</summary>
    public void ReleaseBuildLock()
    {
        var held = BuildLock;
        BuildLock = null;
        held?.Dispose();
    }
}

/// <summary>What became of a database's capture handed over to the template build.</summary>
internal enum CaptureOutcome
{
    /// <summary>Other databases of the server are still seeding.</summary>
    Waiting,

    /// <summary>It was the last one: the template can be built.</summary>
    Complete,

    /// <summary>Another database's seeding failed first: no template this time.</summary>
    GivenUp,
}

/// <summary>A seeded database's part in its server's template: the rows captured before its commit, and its seeding's outcome.</summary>
/// <param name="Seed">The seeding.</param>
/// <param name="Rows">Its rows and sequences, as its commit left them.</param>
/// <param name="Summary">What it wrote.</param>
/// <param name="Report">Its seed report section.</param>
/// <param name="Log">Its log, which learns what became of the template.</param>
internal sealed record CapturedDatabase(PreviewSeedResource Seed, TemplateRows Rows, SeedSummary Summary, string Report, Action<string> Log);
