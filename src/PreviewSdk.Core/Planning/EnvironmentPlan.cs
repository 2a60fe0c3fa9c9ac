namespace PreviewSdk.Core.Planning;

/// <summary>
/// The validated, resolved description of a preview environment: everything the AppHost generator needs, with
/// every name checked and every reference resolved.
/// </summary>
/// <param name="AppName">The app name.</param>
/// <param name="Dependencies">The backing services, in preview.yaml order.</param>
/// <param name="Services">The services, in ProjectReference order.</param>
public sealed record EnvironmentPlan(
    string AppName,
    IReadOnlyList<DependencyPlan> Dependencies,
    IReadOnlyList<ServicePlan> Services)
{
    /// <summary>preview.yaml relative to the preview project's folder, with '/' separators, as the app host finds it at run time.</summary>
    public string ManifestPath { get; init; } = "preview.yaml";

    /// <summary>The databases to seed, in preview.yaml order.</summary>
    public IReadOnlyList<DatabaseSeedPlan> Seeds { get; init; } = [];

    /// <summary>
    /// The profile the build was asked for (<c>PreviewProfile</c>), resolved; null when planned without one. The
    /// generated code never depends on it (the app host resolves its profile when it starts): it tells
    /// <c>-t:Preview</c> which dependencies run, and so which binaries it needs.
    /// </summary>
    public Profiles.EffectiveProfile? Profile { get; init; }

    /// <summary>
    /// The services with <c>checks:</c> in preview.yaml, in ProjectReference order: the generated app host runs their
    /// checks (read from preview.yaml when it starts, like <c>seed:</c>).
    /// </summary>
    public IReadOnlyList<string> CheckedServices { get; init; } = [];

    /// <summary>Every profile the app has, built-in first, then preview.yaml's in file order: one launch profile each.</summary>
    public IReadOnlyList<string> ProfileNames { get; init; } = Profiles.ProfileCatalog.BuiltInNames;

    /// <summary>Reads the plan file the build wrote (<c>preview.plan.json</c>).</summary>
    public static EnvironmentPlan Read(string path) =>
        System.Text.Json.JsonSerializer.Deserialize<EnvironmentPlan>(File.ReadAllText(path), Environments.StateJson.Options)
        ?? throw new InvalidDataException($"The plan file '{path}' is empty.");

    /// <summary>The dependencies that run under <see cref="Profile"/>: all of them but those it leaves out.</summary>
    public IReadOnlyList<DependencyPlan> DependenciesToRun() =>
        Dependencies.Where(dependency => Profile?.IsEnabled(dependency.Name) ?? true).ToList();
}
