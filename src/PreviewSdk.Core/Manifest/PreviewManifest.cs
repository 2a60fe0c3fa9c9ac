namespace PreviewSdk.Core.Manifest;

/// <summary>
/// What preview.yaml says, shaped and type-checked but not yet checked against the ProjectReferences.
/// Entries that were broken beyond use are left out (their problem was reported), so later checks do not
/// report the same mistake twice.
/// </summary>
/// <param name="Path">The path of preview.yaml.</param>
/// <param name="App">The <c>app:</c> name, or null when not set.</param>
/// <param name="Dependencies">The <c>dependencies:</c> entries, in file order.</param>
/// <param name="Services">The <c>services:</c> entries, in file order.</param>
public sealed record PreviewManifest(
    string Path,
    Located<string>? App,
    IReadOnlyList<DependencyEntry> Dependencies,
    IReadOnlyList<ServiceEntry> Services)
{
    /// <summary>The <c>seed:</c> entries, one per database to fill with generated data, in file order.</summary>
    public IReadOnlyList<SeedEntry> Seeds { get; init; } = [];

    /// <summary>The <c>profiles:</c> entries, which define profiles or refine the built-in ones, in file order.</summary>
    public IReadOnlyList<ProfileEntry> Profiles { get; init; } = [];

    /// <summary>Where the <c>profiles:</c> key is written, or null when preview.yaml has none.</summary>
    public Diagnostics.SourceLocation? ProfilesLocation { get; init; }

    /// <summary>The <c>team:</c> whose budget the app's environments count against, or null when not set.</summary>
    public Located<string>? Team { get; init; }

    /// <summary>The <c>budget:</c> of that team, or null when not set (a shared budget file wins over it).</summary>
    public BudgetEntry? Budget { get; init; }

    /// <summary>The <c>checks:</c> entries, synthetic HTTP checks of the services, in file order.</summary>
    public IReadOnlyList<CheckEntry> Checks { get; init; } = [];

    /// <summary>The <c>alerts:</c> section, or null when preview.yaml has none (alerts then show only in the dashboard and -t:PreviewList).</summary>
    public AlertsEntry? Alerts { get; init; }

    /// <summary>The manifest of an empty preview.yaml: every setting at its default.</summary>
    /// <param name="path">The path of preview.yaml.</param>
    public static PreviewManifest Empty(string path) => new(path, null, [], []);
}
