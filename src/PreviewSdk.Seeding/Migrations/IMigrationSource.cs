namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// Where a database's migrations come from and how to apply them: a folder of SQL files
/// (<see cref="SqlFolderMigrations"/>) or an EF Core project (<see cref="EfCoreMigrations"/>). Failures a user can
/// cause are thrown as <see cref="MigrationCheckException"/> with a coded diagnostic.
/// </summary>
public interface IMigrationSource
{
    /// <summary>What the migrations are, for messages: <c>the EF Core project Shop.Data</c>, <c>the SQL folder db/migrations</c>.</summary>
    string Description { get; }

    /// <summary>Every migration, in the order they apply.</summary>
    /// <param name="cancellationToken">Stops the listing (and a build it needs).</param>
    Task<IReadOnlyList<MigrationInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Brings a database up to <paramref name="migration"/>: applies it and every one before it that is not applied yet.</summary>
    /// <param name="connectionString">The database to migrate.</param>
    /// <param name="migration">The last migration to apply, one of <see cref="ListAsync"/>.</param>
    /// <param name="cancellationToken">Stops the migration.</param>
    Task ApplyAsync(string connectionString, MigrationInfo migration, CancellationToken cancellationToken);

    /// <summary>The ids of the migrations whose files exist at a git ref (the migrations of another branch).</summary>
    /// <param name="gitRef">A branch, tag or commit.</param>
    /// <param name="cancellationToken">Stops git.</param>
    Task<IReadOnlySet<string>> IdsAtGitRefAsync(string gitRef, CancellationToken cancellationToken);
}
