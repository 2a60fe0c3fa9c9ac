namespace PreviewSdk.Cli.Mapping;

/// <summary>What init writes: the preview.yaml and the preview project's references, with what to review.</summary>
internal sealed record PreviewDraft(
    string AppName,
    IReadOnlyList<DependencyDraft> Dependencies,
    IReadOnlyList<ServiceDraft> Services,
    IReadOnlyList<SeedDraft> Seeds,
    IReadOnlyList<string> Review);

/// <summary>A dependency: <c>postgres</c> with its databases, or <c>redis</c>.</summary>
internal sealed record DependencyDraft(string Name, string Type, IReadOnlyList<string> Databases);

/// <summary>A service: the app host's resource name, its project and what init found about it.</summary>
/// <param name="Name">The resource name, which its callers use for service discovery and connection names.</param>
/// <param name="ProjectPath">Its project file.</param>
/// <param name="Uses">What it references: dependencies, databases, services.</param>
/// <param name="Http2Only">Its endpoint speaks HTTP/2 only.</param>
/// <param name="Note">Why init chose what it chose, for the comment beside the entry; null when nothing to say.</param>
internal sealed record ServiceDraft(string Name, string ProjectPath, IReadOnlyList<string> Uses, bool Http2Only, string? Note);

/// <summary>A database to seed, with the service that migrates it and its EF Core project, when found.</summary>
internal sealed record SeedDraft(string Database, string? MigrationsService, string? MigrationsReason, string? EfCoreProject, IReadOnlyList<string> Tables);
