namespace PreviewSdk.Core.Planning;

/// <summary>
/// A database the environment fills with generated data once its schema is in place, and where that schema comes
/// from. The detailed seed settings (tables, overrides) stay in preview.yaml and are read by the seeder, which
/// also knows the tables.
/// </summary>
/// <param name="Database">The database name.</param>
/// <param name="Server">The postgres dependency that holds it.</param>
/// <param name="MigrationsService">The service that migrates the database as it starts (seeding waits until it is healthy), or null.</param>
/// <param name="SqlFolder">The absolute folder of <c>*.sql</c> migrations the seeder applies first, or null.</param>
/// <param name="EfCoreProject">The absolute path of the project with EF Core migrations (for the migration check), or null.</param>
/// <param name="StartupProject">The absolute path of the startup project <c>dotnet ef</c> uses, or null for <paramref name="EfCoreProject"/>.</param>
public sealed record DatabaseSeedPlan(
    string Database,
    string Server,
    string? MigrationsService,
    string? SqlFolder,
    string? EfCoreProject,
    string? StartupProject);
