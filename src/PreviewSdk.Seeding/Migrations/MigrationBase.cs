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
}

/// <summary>The migrations up to and including <paramref name="Name"/>.</summary>
/// <param name="Name">An EF Core id or name, or an SQL file name with or without <c>.sql</c>.</param>
public sealed record NamedMigrationBase(string Name) : MigrationBase;

/// <summary>The migrations whose files exist at <paramref name="GitRef"/>.</summary>
/// <param name="GitRef">A branch, tag or commit.</param>
public sealed record GitRefMigrationBase(string GitRef) : MigrationBase;
