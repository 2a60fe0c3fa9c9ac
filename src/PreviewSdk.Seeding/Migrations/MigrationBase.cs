namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// Where the checked database starts: the migrations applied before seeding. Every migration after the base is
/// checked, one by one.
/// </summary>
public abstract record MigrationBase
{
    /// <summary>The migrations up to and including one named by id, name or file name.</summary>
    /// <param name="name">An EF Core id or name, or an SQL file name with or without <c>.sql</c>.</param>
    public static MigrationBase Named(string name) => new NamedMigrationBase(name);

    /// <summary>The migrations whose files exist at a git ref, e.g. <c>main</c>.</summary>
    /// <param name="gitRef">A branch, tag or commit.</param>
    public static MigrationBase AtGitRef(string gitRef) => new GitRefMigrationBase(gitRef);

    /// <summary>
    /// The base when none is given: the migrations at <c>main</c>, or at <c>origin/main</c> in a clone without a
    /// local <c>main</c> (a CI checkout of a pull request).
    /// </summary>
    public static MigrationBase Default { get; } = new GitRefMigrationBase("main") { Fallback = "origin/main" };
}

/// <summary>The migrations up to and including <paramref name="Name"/>.</summary>
/// <param name="Name">An EF Core id or name, or an SQL file name with or without <c>.sql</c>.</param>
public sealed record NamedMigrationBase(string Name) : MigrationBase;

/// <summary>The migrations whose files exist at <paramref name="GitRef"/>.</summary>
/// <param name="GitRef">A branch, tag or commit.</param>
public sealed record GitRefMigrationBase(string GitRef) : MigrationBase
{
    /// <summary>The ref to use instead when <see cref="GitRef"/> does not exist; null to report it (PREVIEW4067).</summary>
    public string? Fallback { get; init; }
}
